// GDACS RSS: each item's identity and episode, alert level, countries (alpha-3 to alpha-2), point
// (latitude first in GeoRSS) and bounding box (GDACS's lon-lon-lat-lat order) come out right.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseFeedDocument } from './index';
import { earthquakeRadiusKm, levelRadiusKm } from './radius';

const DATA = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../../../shared/data');
const parseFile = (rel: string) =>
  parseFeedDocument(readFileSync(path.join(DATA, rel)), { fileName: path.basename(rel) });
const parseText = (xml: string) => parseFeedDocument(new TextEncoder().encode(xml));

const item = (fields: string) =>
  `<?xml version="1.0"?><rss version="2.0" xmlns:gdacs="http://www.gdacs.org" xmlns:georss="http://www.georss.org/georss">` +
  `<channel><title>GDACS</title><item><title>Test</title><pubDate>Sun, 29 Dec 2019 12:00:00 GMT</pubDate>${fields}</item></channel></rss>`;

describe('GDACS RSS', () => {
  const doc = parseFile('feeds/gdacs/gdacs-1.xml');
  const byKey = (key: string) => doc.events.find((e) => e.key === key)!;

  it('sniffs the feed (behind its UTF-8 BOM) and reads every item', () => {
    assert.equal(doc.format, 'gdacs-rss');
    assert.deepEqual(doc.rejected, []);
    assert.deepEqual(
      doc.events.map((e) => e.key),
      ['TC:1000643', 'EQ:1199929', 'DR:1013682', 'DR:1013588'],
    );
  });

  it('reads the tropical cyclone: episode, level, country, point and bbox', () => {
    const tc = byKey('TC:1000643');
    assert.equal(tc.source, 'gdacs');
    assert.equal(tc.revision, 1);
    assert.equal(tc.kind, 'tropical_cyclone');
    assert.equal(tc.severity, 'minor');
    assert.equal(tc.action, 'alert');
    assert.equal(tc.status, 'actual');
    assert.deepEqual(tc.countries, ['MU']);
    assert.deepEqual(tc.area.point, { lon: 59.8, lat: -19.4 });
    assert.deepEqual(
      tc.area.bbox,
      [55.0780533046962, -46.7828750315965, 81.0780533046962, -20.7828750315965],
    );
    assert.equal(tc.area.suggestedRadiusKm, levelRadiusKm('tropical_cyclone', 'green'));
    assert.equal(tc.sent, '2019-12-29T12:00:00.000Z');
    assert.equal(tc.link, 'http://www.gdacs.org/report.aspx?eventtype=TC&eventid=1000643');
    assert.match(tc.title, /^Green alert for tropical cyclone CALVINIA-19/);
    assert.equal(tc.magnitude, undefined);
  });

  it('reads the earthquake: magnitude from gdacs:severity, radius from magnitude and depth', () => {
    const eq = byKey('EQ:1199929');
    assert.equal(eq.revision, 1287798);
    assert.equal(eq.kind, 'earthquake');
    assert.equal(eq.magnitude, 5.5);
    assert.deepEqual(eq.countries, ['ZA']);
    assert.deepEqual(eq.area.point, { lon: 37.087, lat: -44.5653 });
    assert.equal(eq.area.suggestedRadiusKm, earthquakeRadiusKm(5.5, 10));
  });

  it('takes every country of a multi-country drought, and its onset', () => {
    const dr = byKey('DR:1013682');
    assert.deepEqual(dr.countries, ['BG', 'IQ', 'IR', 'TR']);
    assert.equal(dr.onset, '2019-10-21T00:00:00.000Z');
    assert.equal(dr.updated, '2019-12-30T01:27:00.000Z');
  });

  it('accepts the bbox-only item of gdacs-2.xml, identified by its guid, at revision 0', () => {
    const only = parseFile('feeds/gdacs/gdacs-2.xml');
    assert.deepEqual(only.rejected, []);
    const [e] = only.events;
    assert.equal(e?.key, 'TC:1000643');
    assert.equal(e?.revision, 0);
    assert.equal(e?.severity, 'unknown');
    assert.equal(e?.area.point, undefined);
    assert.equal(e?.area.suggestedRadiusKm, undefined);
    assert.deepEqual(
      e?.area.bbox,
      [55.0780533046962, -46.7828750315965, 81.0780533046962, -20.7828750315965],
    );
  });

  it('maps Red and Orange alert levels', () => {
    const level = (l: string) =>
      parseText(
        item(
          `<gdacs:eventtype>FL</gdacs:eventtype><gdacs:eventid>1</gdacs:eventid><gdacs:episodeid>3</gdacs:episodeid><gdacs:alertlevel>${l}</gdacs:alertlevel><georss:point>10 20</georss:point>`,
        ),
      ).events[0]!;
    assert.equal(level('Red').severity, 'severe');
    assert.equal(level('Orange').severity, 'moderate');
    assert.equal(level('Red').area.suggestedRadiusKm, levelRadiusKm('flood', 'red'));
    assert.deepEqual(level('Red').area.point, { lon: 20, lat: 10 });
  });

  it('wraps a bounding box that crosses the antimeridian', () => {
    const [e] = parseText(
      item(
        `<gdacs:eventtype>EQ</gdacs:eventtype><gdacs:eventid>9</gdacs:eventid><gdacs:episodeid>1</gdacs:episodeid><gdacs:bbox>174 182 -20 -12</gdacs:bbox>`,
      ),
    ).events;
    assert.deepEqual(e?.area.bbox, [174, -20, -178, -12]);
  });

  it('rejects items without identity, geometry or a usable date, one by one', () => {
    const reject = (fields: string, at: string) => {
      const out = parseText(item(fields));
      assert.equal(out.events.length, 0);
      assert.deepEqual(
        out.rejected.map((r) => [r.code, r.path, r.itemIndex]),
        [['gdacs.invalid', at, 0]],
      );
    };
    reject('<georss:point>10 20</georss:point><gdacs:cap>x</gdacs:cap>', 'rss.channel.item[0].eventid');
    reject('<gdacs:eventtype>EQ</gdacs:eventtype><gdacs:eventid>1</gdacs:eventid>', 'rss.channel.item[0]');
    reject(
      '<gdacs:eventtype>EQ</gdacs:eventtype><gdacs:eventid>1</gdacs:eventid><georss:point>95 20</georss:point>',
      'rss.channel.item[0].point',
    );
    reject(
      '<gdacs:eventtype>EQ</gdacs:eventtype><gdacs:eventid>1</gdacs:eventid><gdacs:bbox>1 2 3</gdacs:bbox>',
      'rss.channel.item[0].bbox',
    );
    reject(
      '<gdacs:eventtype>EQ</gdacs:eventtype><gdacs:eventid>1</gdacs:eventid><gdacs:episodeid>one</gdacs:episodeid><georss:point>1 2</georss:point>',
      'rss.channel.item[0].episodeid',
    );
  });
});
