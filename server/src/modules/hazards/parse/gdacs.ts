// GDACS RSS (the Global Disaster Alert and Coordination System's feed): one event per <item>, keyed by
// event type and id, ordered by episode, with its alert level, countries, centre point and bounding box.
// Items are judged one by one; a bad one is rejected with its index and the rest still count.
import countries from 'i18n-iso-countries';
import { safeLink } from './cap';
import { isoOf, parseRssDate } from './dates';
import { kindFromGdacs } from './kinds';
import { DEFAULT_DEPTH_KM, earthquakeRadiusKm, levelRadiusKm, type AlertLevel } from './radius';
import { emptyYield, type HazardArea, type HazardSeverity, type ParsedHazard, type Yield } from './types';
import { childNamed, childrenNamed, childText, elements, textOf, type XmlElement } from './xml';

const GEO_NS = 'http://www.w3.org/2003/01/geo/wgs84_pos#';
const GEORSS_NS = 'http://www.georss.org/georss';

const isGdacsNs = (ns: string) => /^https?:\/\/(www\.)?gdacs\.org\/?$/i.test(ns);

/** An RSS channel whose items carry gdacs: elements. */
export function isGdacsRss(rss: XmlElement): boolean {
  const channel = childNamed(rss, 'channel', '');
  return (
    !!channel &&
    childrenNamed(channel, 'item', '').some((item) => elements(item).some((c) => isGdacsNs(c.ns)))
  );
}

const gdacs = (item: XmlElement, name: string) => {
  const el = elements(item).find((c) => c.name === name && isGdacsNs(c.ns));
  return el ? { el, text: textOf(el) } : undefined;
};

/**
 * Alert level to severity: Red ("high impact, international assistance likely needed") -> severe,
 * Orange -> moderate, Green -> minor. Red is not raised to extreme by alert score: GDACS scores are
 * computed differently per hazard (0.01 for a green earthquake, 1 for a green cyclone), so no single
 * threshold means the same thing across them; an operator can raise it.
 */
const LEVEL_SEVERITY: Record<AlertLevel, HazardSeverity> = {
  red: 'severe',
  orange: 'moderate',
  green: 'minor',
};

function alertLevel(text: string | undefined): AlertLevel | undefined {
  const level = text?.toLowerCase();
  return level === 'red' || level === 'orange' || level === 'green' ? level : undefined;
}

/** gdacs:iso3 (one code, or several separated by commas) plus the names in gdacs:country. */
function countriesOf(item: XmlElement): string[] {
  const found = new Set<string>();
  for (const code of (gdacs(item, 'iso3')?.text ?? '').split(/[\s,;]+/)) {
    const alpha2 = code ? countries.alpha3ToAlpha2(code.toUpperCase()) : undefined;
    if (alpha2) found.add(alpha2);
  }
  // A multi-country drought lists only its first country in iso3; the names carry the rest.
  for (const name of (gdacs(item, 'country')?.text ?? '').split(',')) {
    const alpha2 = name.trim() ? countries.getAlpha2Code(name.trim(), 'en') : undefined;
    if (alpha2) found.add(alpha2);
  }
  return [...found];
}

const finite = (text: string | undefined) => {
  if (text === undefined || !/^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(text.trim())) return undefined;
  return Number(text);
};

function pointOf(item: XmlElement): { lon: number; lat: number } | string | undefined {
  const geo = childNamed(item, 'Point', GEO_NS);
  let lat: number | undefined;
  let lon: number | undefined;
  let source: string;
  if (geo) {
    lat = finite(childText(geo, 'lat', GEO_NS));
    lon = finite(childText(geo, 'long', GEO_NS));
    source = 'geo:Point';
  } else {
    const text = childText(item, 'point', GEORSS_NS);
    if (text === undefined) return undefined;
    // GeoRSS Simple: "lat lon", latitude first.
    const [a, b, extra] = text.split(/\s+/);
    lat = finite(a);
    lon = finite(b);
    source = 'georss:point';
    if (extra !== undefined) lat = undefined;
  }
  if (lat === undefined || lon === undefined || Math.abs(lat) > 90 || Math.abs(lon) > 180) {
    return `${source} is not a valid latitude and longitude`;
  }
  return { lon, lat };
}

/**
 * gdacs:bbox is "lonmin lonmax latmin latmax" (so the feed's own comment says); it becomes GeoJSON's
 * [west, south, east, north]. A box built as centre ± margin can pass ±180: it is wrapped, leaving
 * west > east for a box across the antimeridian (RFC 7946 §5.2).
 */
function bboxOf(text: string): [number, number, number, number] | string {
  const values = text.trim().split(/\s+/).map(finite);
  if (values.length !== 4 || values.some((v) => v === undefined)) return `'${text}' is not four numbers`;
  const [rawWest, rawEast, south, north] = values as [number, number, number, number];
  if (south > north || Math.abs(south) > 90 || Math.abs(north) > 90)
    return `latitudes in '${text}' are out of order or range`;
  if (rawWest > rawEast || Math.abs(rawWest) > 540 || Math.abs(rawEast) > 540) {
    return `longitudes in '${text}' are out of order or range`;
  }
  if (rawEast - rawWest >= 360) return [-180, south, 180, north];
  const wrap = (lon: number) => (lon < -180 ? lon + 360 : lon > 180 ? lon - 360 : lon);
  return [wrap(rawWest), south, wrap(rawEast), north];
}

/** Event type and id: the gdacs: elements, else the guid ("EQ1199929") GDACS also sets. */
function identityOf(item: XmlElement): { type: string; id: string } | undefined {
  const type = gdacs(item, 'eventtype')?.text;
  const id = gdacs(item, 'eventid')?.text;
  if (type && id) return { type: type.toUpperCase(), id };
  const guid = /^([A-Za-z]{2})(\d+)$/.exec(childText(item, 'guid', '') ?? '');
  return guid ? { type: guid[1]!.toUpperCase(), id: guid[2]! } : undefined;
}

export function parseGdacsRss(rss: XmlElement): Yield {
  const out = emptyYield();
  const channel = childNamed(rss, 'channel', '')!;
  childrenNamed(channel, 'item', '').forEach((item, index) => {
    const at = `rss.channel.item[${index}]`;
    const reject = (path: string, why: string): void => {
      out.rejected.push({
        code: 'gdacs.invalid',
        message: `GDACS item ${index}: ${why} at ${path}`,
        path,
        itemIndex: index,
      });
    };

    const identity = identityOf(item);
    if (!identity)
      return reject(`${at}.eventid`, 'no gdacs:eventtype/gdacs:eventid (nor a guid such as EQ1234)');
    // The episode orders updates of one event. An item without one still carries the event; it gets
    // revision 0 so that it never overrides an episode the store already holds.
    const episodeText = gdacs(item, 'episodeid')?.text;
    const episode = episodeText === undefined ? 0 : finite(episodeText);
    if (episode === undefined)
      return reject(`${at}.episodeid`, `episode id '${episodeText}' is not a number`);

    const pubDate = childText(item, 'pubDate', '');
    const fromDate = gdacs(item, 'fromdate')?.text;
    const toDate = gdacs(item, 'todate')?.text;
    const sent = parseRssDate(pubDate ?? fromDate ?? '');
    if (sent === undefined) return reject(`${at}.pubDate`, `'${pubDate ?? ''}' is not an RFC 822 date`);

    const point = pointOf(item);
    if (typeof point === 'string') return reject(`${at}.point`, point);
    const bboxText = gdacs(item, 'bbox')?.text;
    const bbox = bboxText ? bboxOf(bboxText) : undefined;
    if (typeof bbox === 'string') return reject(`${at}.bbox`, bbox);
    if (!point && !bbox) return reject(at, 'no geo:Point, georss:point or gdacs:bbox');

    const kind = kindFromGdacs(identity.type);
    const level = alertLevel(gdacs(item, 'alertlevel')?.text);
    const severityEl = gdacs(item, 'severity');
    const magnitude = kind === 'earthquake' ? finite(severityEl?.el.attrs.value) : undefined;
    const area: HazardArea = { polygons: [], circles: [], geocodes: [] };
    if (point) {
      area.point = point;
      const depth = /depth:\s*([\d.]+)\s*km/i.exec(severityEl?.text ?? '');
      area.suggestedRadiusKm =
        magnitude !== undefined
          ? earthquakeRadiusKm(magnitude, depth ? Number(depth[1]) : DEFAULT_DEPTH_KM)
          : levelRadiusKm(kind, level);
    }
    if (bbox) area.bbox = bbox;
    const place = gdacs(item, 'country')?.text;
    if (place) area.description = place;

    const title =
      childText(item, 'title', '') ?? gdacs(item, 'eventname')?.text ?? `${identity.type} ${identity.id}`;
    const event: ParsedHazard = {
      source: 'gdacs',
      key: `${identity.type}:${identity.id}`,
      revision: episode,
      references: [],
      action: 'alert',
      status: 'actual',
      kind,
      severity: level ? LEVEL_SEVERITY[level] : 'unknown',
      title,
      countries: countriesOf(item),
      sent: isoOf(sent),
      area,
    };
    const description = childText(item, 'description', '');
    if (description) event.description = description;
    if (magnitude !== undefined) event.magnitude = magnitude;
    // fromdate is when the event began; todate the latest time this episode covers.
    const onset = parseRssDate(fromDate ?? '');
    if (onset !== undefined) event.onset = isoOf(onset);
    const updated = parseRssDate(toDate ?? '');
    if (updated !== undefined) event.updated = isoOf(updated);
    const link = safeLink(childText(item, 'link', ''));
    if (link) event.link = link;
    out.events.push(event);
  });
  return out;
}
