// USGS earthquake GeoJSON: one event per feature keyed by id and ordered by `updated`, with
// magnitude, [lon, lat] point and a felt radius; a bad feature is rejected with its index.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseFeedDocument } from './index';
import { earthquakeRadiusKm } from './radius';

const DATA = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../../../shared/data');
const parseFile = (rel: string) =>
  parseFeedDocument(readFileSync(path.join(DATA, rel)), { fileName: path.basename(rel) });
const parseJson = (value: unknown) => parseFeedDocument(new TextEncoder().encode(JSON.stringify(value)));

const feature = (id: string, props: Record<string, unknown>, coordinates: unknown = [100, 1, 10]) => ({
  type: 'Feature',
  id,
  properties: { time: 1_700_000_000_000, updated: 1_700_000_100_000, ...props },
  geometry: { type: 'Point', coordinates },
});
const collection = (...features: unknown[]) => ({
  type: 'FeatureCollection',
  metadata: { url: 'https://earthquake.usgs.gov/x' },
  features,
});

describe('USGS GeoJSON', () => {
  it('reads all 71 features of the M4.5+ week feed', () => {
    const doc = parseFile('feeds/usgs/usgs-4.5_week-2018.geojson');
    assert.equal(doc.format, 'usgs-geojson');
    assert.deepEqual(doc.rejected, []);
    assert.equal(doc.events.length, 71);
    const e = doc.events[0]!;
    assert.equal(e.source, 'usgs');
    assert.equal(e.key, 'us1000envg');
    assert.equal(e.revision, 1528778372040);
    assert.equal(e.updated, new Date(1528778372040).toISOString());
    assert.equal(e.sent, new Date(1528777359870).toISOString());
    assert.equal(e.magnitude, 4.8);
    assert.equal(e.title, 'M 4.8 - 84km SSE of Qishn, Yemen');
    assert.deepEqual(e.area.point, { lon: 52.0471, lat: 14.7484 });
    assert.equal(e.area.suggestedRadiusKm, earthquakeRadiusKm(4.8, 10));
    assert.equal(e.link, 'https://earthquake.usgs.gov/earthquakes/eventpage/us1000envg');
    assert.equal(e.kind, 'earthquake');
    assert.equal(e.action, 'alert');
    // The Kilauea events of May 2018 are typed as volcanic eruptions in the earthquake feed.
    assert.equal(doc.events.filter((x) => x.kind === 'volcano').length, 5);
  });

  it('reads the 146 features of the 2014 all-day feed, status case and all', () => {
    const doc = parseFile('feeds/usgs/usgs-all_day-2014.geojson');
    assert.equal(doc.events.length, 146);
    assert.deepEqual(doc.rejected, []);
    assert.ok(doc.events.every((e) => e.area.point && e.revision >= Date.parse(e.sent)));
  });

  it('suggests a radius that grows with magnitude and shrinks with depth', () => {
    const doc = parseJson(
      collection(
        ...[4.5, 5.5, 6.5, 7.5, 8.5].map((mag, i) => feature(`m${i}`, { mag }, [100, 1, 10])),
        feature('deep', { mag: 7.5 }, [100, 1, 300]),
      ),
    );
    const radii = doc.events.slice(0, 5).map((e) => e.area.suggestedRadiusKm!);
    for (let i = 1; i < radii.length; i += 1) assert.ok(radii[i]! > radii[i - 1]!, radii.join(' < '));
    assert.ok(doc.events[5]!.area.suggestedRadiusKm! < radii[3]!);
  });

  it('maps severity from magnitude and PAGER, taking the higher', () => {
    const sev = (props: Record<string, unknown>) =>
      parseJson(collection(feature('x', props))).events[0]!.severity;
    assert.equal(sev({ mag: 5.2 }), 'minor');
    assert.equal(sev({ mag: 6.4 }), 'moderate');
    assert.equal(sev({ mag: 7.1 }), 'severe');
    assert.equal(sev({ mag: 8.2, alert: 'green' }), 'extreme');
    assert.equal(sev({ mag: 5.9, alert: 'red' }), 'extreme');
    assert.equal(sev({ mag: 5.9, alert: 'orange' }), 'severe');
    assert.equal(sev({ mag: null }), 'unknown');
  });

  it('turns a deleted event into a cancellation', () => {
    assert.equal(
      parseJson(collection(feature('x', { mag: 5, status: 'deleted' }))).events[0]!.action,
      'cancel',
    );
  });

  it('keeps features without magnitude, as the exxamalte fixture has', () => {
    const doc = parseFile('feeds/usgs/exxamalte-earthquakes-1.json');
    assert.deepEqual(
      doc.events.map((e) => [e.key, e.magnitude]),
      [
        ['1234', 3],
        ['2345', 1.25],
        ['3456', undefined],
      ],
    );
    assert.equal(doc.events[2]!.area.suggestedRadiusKm, undefined);
    assert.deepEqual(parseFile('feeds/usgs/exxamalte-earthquakes-2.json').events, []);
  });

  it('rejects bad features by index and keeps the others', () => {
    const doc = parseJson(
      collection(
        feature('ok', { mag: 5 }),
        feature('swapped', { mag: 5 }, [10, 100, 5]),
        {
          type: 'Feature',
          properties: { mag: 5, time: 1 },
          geometry: { type: 'Point', coordinates: [1, 2] },
        },
        feature('notime', { mag: 5, time: 'yesterday' }),
        feature('line', { mag: 5 }, [
          [1, 2],
          [3, 4],
        ]),
        feature('badmag', { mag: '5' }),
        'nonsense',
      ),
    );
    assert.deepEqual(
      doc.events.map((e) => e.key),
      ['ok'],
    );
    assert.deepEqual(
      doc.rejected.map((r) => [r.code, r.path, r.itemIndex]),
      [
        ['usgs.invalid', 'features[1].geometry', 1],
        ['usgs.invalid', 'features[2].id', 2],
        ['usgs.invalid', 'features[3].properties.time', 3],
        ['usgs.invalid', 'features[4].geometry', 4],
        ['usgs.invalid', 'features[5].properties.mag', 5],
        ['usgs.invalid', 'features[6]', 6],
      ],
    );
  });
});
