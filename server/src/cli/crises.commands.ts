// siaga feeds (add, list, poll, import) and siaga affected: hazard feeds for a crisis room that
// may be offline (a file brought in by hand is read like a poll), and who is inside an area.
import fs from 'node:fs';
import path from 'node:path';
import { AreaGeometry, FeedCreate, type AreaInput } from '@siaga/contracts';
import { compileOrThrow, countAffected } from '../modules/affected/affected.service';
import { rebuildSpatialIndex } from '../modules/affected/affected.repo';
import { populationIndex } from '../modules/affected/population-index';
import { addFeed, listFeeds, pollDueFeeds } from '../modules/hazards/feeds.service';
import { ingestDocument } from '../modules/hazards/hazards.service';
import type { Cli } from './cli';
import { print, table, usage } from './output';

/** Areas from a GeoJSON file: a geometry, a Feature or a FeatureCollection of (Multi)Polygons. */
export function areasFromGeoJson(text: string, json: boolean): AreaInput[] {
  let doc: {
    type?: string;
    geometry?: unknown;
    features?: { geometry?: unknown; properties?: Record<string, unknown> }[];
  };
  try {
    doc = JSON.parse(text) as typeof doc;
  } catch {
    usage('the area file is not JSON', json);
  }
  const geometries =
    doc.type === 'FeatureCollection'
      ? (doc.features ?? []).map((f) => f.geometry)
      : doc.type === 'Feature'
        ? [doc.geometry]
        : [doc];
  const areas: AreaInput[] = [];
  geometries.forEach((g, i) => {
    const parsed = AreaGeometry.safeParse(g);
    if (!parsed.success) usage(`feature ${i}: only Polygon and MultiPolygon geometries are areas`, json);
    areas.push({ kind: 'polygon', geometry: parsed.data });
  });
  if (!areas.length) usage('the area file holds no polygon', json);
  return areas;
}

export function registerCrisesCommands({ program, cli, opts, withDeps }: Cli) {
  const feeds = program.command('feeds').description('hazard feeds: CAP, GDACS RSS, USGS GeoJSON');
  feeds
    .command('add <url>')
    .description('add a feed to poll')
    .option('--name <name>', 'a name for people')
    .option('--every <minutes>', 'minutes between polls', '5')
    .action(async (url: string, o: { name?: string; every: string }) => {
      const input = FeedCreate.parse({
        url,
        name: o.name ?? new URL(url).hostname,
        intervalMinutes: Number(o.every),
      });
      await withDeps(async (deps) => {
        const feed = await addFeed(deps, cli, input);
        print(
          opts(),
          feed,
          () => `Added feed ${feed.name} (${feed.id}), polled every ${feed.intervalMinutes} min.`,
        );
      });
    });
  feeds
    .command('list')
    .description('list the feeds and how their last poll went')
    .action(() =>
      withDeps(async (deps) => {
        const { items } = await listFeeds(deps, cli);
        print(opts(), items, () =>
          table(items, [
            'name',
            'url',
            'intervalMinutes',
            'enabled',
            'lastPolledAt',
            'lastStatus',
            'lastError',
          ]),
        );
      }),
    );
  feeds
    .command('poll')
    .description('poll the feeds that are due (all enabled ones with --all)')
    .option('--all', 'poll every enabled feed now')
    .action((o: { all?: boolean }) =>
      withDeps(async (deps) => {
        const results = await pollDueFeeds(deps, cli, { force: o.all === true });
        print(opts(), results, () =>
          results.length
            ? results
                .map((r) => {
                  const n = r.results.reduce((s, x) => s + x.accepted + x.updated + x.cancelled, 0);
                  return `${r.feedId}: ${r.status}${r.error ? ` (${r.error})` : ''}${n ? `, ${n} events new or changed` : ''}`;
                })
                .join('\n')
            : 'No feed is due.',
        );
        if (results.some((r) => r.status === 'failed')) process.exitCode = 3;
      }),
    );
  feeds
    .command('import <file>')
    .description('read a feed file brought in by hand (CAP alert or index, EDXL-DE, GDACS RSS, USGS GeoJSON)')
    .action(async (file: string) => {
      const json = opts().json === true;
      let bytes: Buffer;
      try {
        bytes = fs.readFileSync(file);
      } catch {
        usage(`cannot read ${file}`, json);
      }
      await withDeps(async (deps) => {
        const r = await ingestDocument(deps, cli, bytes, { fileName: path.basename(file) });
        print(opts(), r, () =>
          [
            `${r.format}: ${r.accepted} new, ${r.updated} updated, ${r.cancelled} cancelled, ${r.duplicates} already known, ${r.rejected} rejected`,
            ...r.events.map(
              (e) =>
                `  ${e.severity.padEnd(8)} ${e.kind.padEnd(12)} ${e.title} — ${e.affectedNationals} nationals inside`,
            ),
            ...r.errors.map((e) => `  rejected: ${e.message}${e.path ? ` (${e.path})` : ''} [${e.code}]`),
          ].join('\n'),
        );
        if (r.accepted + r.updated + r.cancelled + r.duplicates === 0 && r.rejected > 0) process.exitCode = 3;
      });
    });

  program
    .command('affected')
    .description('count the registered people inside an area')
    .requiredOption(
      '--area <file>',
      'GeoJSON Polygon or MultiPolygon (geometry, Feature or FeatureCollection)',
    )
    .option('--country <codes>', 'also count people of these countries placed only by country (e.g. MY,SG)')
    .action(async (o: { area: string; country?: string }) => {
      const json = opts().json === true;
      let text: string;
      try {
        text = fs.readFileSync(o.area, 'utf8');
      } catch {
        usage(`cannot read ${o.area}`, json);
      }
      const areas = areasFromGeoJson(text, json);
      const countries = o.country ? o.country.split(',').map((c) => c.trim().toUpperCase()) : [];
      await withDeps(async (deps) => {
        const area = compileOrThrow(areas, 'area');
        // One question from a fresh process: the database's spatial index answers it without reading
        // the whole registry into memory first.
        const counts = await countAffected(deps, cli, area, countries, { prefer: 'database' });
        print(opts(), counts, () =>
          [
            `${counts.inside} inside, ${counts.locatedByCity} located by city, ${counts.locatedByCountry} located by country; ${counts.households} households`,
            table(
              counts.missions.map((m) => ({ mission: m.code, people: counts.byMission[m.id] ?? 0 })),
              ['mission', 'people'],
            ),
          ].join('\n'),
        );
      });
    });

  program
    .command('geo')
    .description('the spatial index of the registry')
    .command('reindex')
    .description("rebuild the database's spatial index and time a build of the in-memory index")
    .action(() =>
      withDeps(async (deps) => {
        await rebuildSpatialIndex(deps.db, deps.dialect);
        const idx = populationIndex(deps.db);
        await idx.build();
        const s = idx.stats();
        print(
          opts(),
          s,
          () =>
            `Rebuilt: ${s.people} people, ${(s.bytes / 1048576).toFixed(1)} MB in memory, built in ${Math.round(s.buildMs)} ms.`,
        );
      }),
    );
}
