// CAP indexes in Atom and RSS: entries with inline cap: fields become events, embedded alerts are
// validated like single ones, link-only entries feed `links`, and a broken entry costs only itself.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseFeedDocument } from './index';

const DATA = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../../../shared/data');
const parseFile = (rel: string) =>
  parseFeedDocument(readFileSync(path.join(DATA, rel)), { fileName: path.basename(rel) });
const parseText = (xml: string) => parseFeedDocument(new TextEncoder().encode(xml));
const CAP_LIB = 'cap/google-cap-library';

describe('the NWS Atom index', () => {
  const doc = parseFile('cap/ibm-cap/nws_atom_feed_example.xml');

  it('makes one event per entry, keyed by the entry id', () => {
    assert.equal(doc.format, 'cap-atom');
    assert.deepEqual(doc.rejected, []);
    assert.equal(doc.events.length, 163);
    assert.equal(new Set(doc.events.map((e) => e.key)).size, 163);
    assert.deepEqual(doc.links, []);
    const first = doc.events[0]!;
    assert.equal(
      first.key,
      'https://alerts.weather.gov/cap/wwacapget.php?x=AK125AB652A170.HighWindWarning.125AB660BDF0AK.AFGNPWNSB.e9d4afdcacb3b7015f58bccc1db60d46',
    );
    assert.equal(first.source, 'cap');
    assert.equal(first.kind, 'storm');
    assert.equal(first.severity, 'severe');
    assert.equal(first.urgency, 'Expected');
    assert.equal(first.sent, '2018-08-15T22:52:00.000Z');
    assert.equal(first.expires, '2018-08-16T15:00:00.000Z');
    assert.equal(first.area.description, 'Eastern Beaufort Sea Coast');
    // One cap:geocode holds several valueName/value pairs.
    assert.deepEqual(first.area.geocodes, [
      { name: 'FIPS6', value: '002185' },
      { name: 'UGC', value: 'AKZ204' },
    ]);
  });

  it('reads the polygons, skipping the empty ones NWS writes for zone-only alerts', () => {
    const withPolygons = doc.events.filter((e) => e.area.polygons.length > 0);
    assert.equal(withPolygons.length, 99);
    for (const e of withPolygons) {
      const ring = e.area.polygons[0]![0]!;
      assert.ok(ring.length >= 4);
      assert.deepEqual(ring[0], ring[ring.length - 1]);
    }
    // <cap:polygon>31.62,-86.35 31.59,-86.5 ... is "lat,lon": Alabama, not the Southern Ocean.
    const alabama = doc.events.find((e) => e.key.includes('AL125AB652A29C.SpecialWeatherStatement'))!;
    assert.deepEqual(alabama.area.polygons[0]![0]!.slice(0, 2), [
      [-86.35, 31.62],
      [-86.5, 31.59],
    ]);
  });

  it('knows the hazard kinds of the NWS event names', () => {
    const kindOf = (event: string) => doc.events.find((e) => e.title.startsWith(event))?.kind;
    assert.equal(kindOf('Flash Flood Warning'), 'flood');
    assert.equal(kindOf('Red Flag Warning'), 'wildfire');
    assert.equal(kindOf('Heat Advisory'), 'extreme_temperature');
    assert.equal(kindOf('Severe Thunderstorm Warning'), 'storm');
    assert.equal(kindOf('Air Quality Alert'), 'other');
  });
});

describe('Atom indexes', () => {
  it('splits packed geocode values and reads entries without cap:event', () => {
    const doc = parseFile(`${CAP_LIB}/weather_index.atom`);
    assert.equal(doc.events.length, 2);
    assert.deepEqual(
      doc.events[0]!.area.geocodes.map((g) => g.value),
      ['009007', '009009', '009011', '044009'],
    );
  });

  it('validates a CAP alert embedded in <content> like a single alert', () => {
    const weather = parseFile(`${CAP_LIB}/weather.atom`);
    assert.equal(
      weather.events[0]?.key,
      'w-nws.webmaster@noaa.gov|NOAA-NWS-ALERTS-MT20120830100700TFXFlashFloodWatchTFX20120830180000MT|2012-08-30T04:07:00-06:00',
    );
    assert.equal(weather.events[0]?.kind, 'flood');
    const amber = parseFile(`${CAP_LIB}/amber.atom`);
    assert.equal(
      amber.events[0]?.key,
      'KARO@CLETS.DOJ.DC.GOV|http://doj.dc.gov/amber12345|2010-06-03T19:15:00-05:00',
    );
    const invalid = parseFile(`${CAP_LIB}/weather_invalid.atom`);
    assert.deepEqual(
      invalid.rejected.map((r) => [r.code, r.path, r.itemIndex]),
      [['cap.invalid_value', 'feed.entry[0].content.alert.identifier', 0]],
    );
  });

  it('reads an escaped alert in text content, under the same DOCTYPE ban', () => {
    const escaped = (alert: string) =>
      `<feed xmlns="http://www.w3.org/2005/Atom"><entry><id>e1</id><title>t</title><updated>2020-01-01T00:00:00Z</updated>` +
      `<content type="html">${alert.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</content></entry></feed>`;
    const cap = readFileSync(path.join(DATA, CAP_LIB, 'validator-examples-thunderstorm.cap'), 'utf8');
    assert.equal(
      parseText(escaped(cap)).events[0]?.key,
      'KSTO@NWS.NOAA.GOV|KSTO1055887203|2003-06-17T14:57:00-07:00',
    );
    const xee = readFileSync(path.join(DATA, CAP_LIB, 'xee.cap'), 'utf8');
    const doc = parseText(escaped(xee));
    assert.equal(doc.events.length, 0);
    assert.deepEqual(
      doc.rejected.map((r) => [r.code, r.path]),
      [['feed.doctype_forbidden', 'feed.entry[0].content']],
    );
  });

  it('returns the CAP link of a link-only entry, preferring application/cap+xml', () => {
    const doc = parseFile(`${CAP_LIB}/earthquake_index.atom`);
    assert.deepEqual(doc.events, []);
    assert.deepEqual(doc.links, ['http://earthquake.usgs.gov/earthquakes/catalogs/cap/us2010apcd']);
  });

  it('treats empty indexes, and an alert outside any entry, as zero events', () => {
    for (const file of ['empty_weather_index.atom', 'no_entries.atom']) {
      const doc = parseFile(`${CAP_LIB}/${file}`);
      assert.equal(doc.format, 'cap-atom');
      assert.deepEqual([doc.events, doc.rejected, doc.links], [[], [], []], file);
    }
  });

  it('rejects broken entries with a reason and keeps the good ones', () => {
    const cases: [string, string, string][] = [
      ['no_id.atom', 'index.missing_field', 'feed.entry[0].id'],
      ['no_title.atom', 'index.missing_field', 'feed.entry[0].title'],
      ['no_link.atom', 'index.no_alert', 'feed.entry[0]'],
      ['invalid_element.atom', 'index.no_alert', 'feed.entry[0]'],
    ];
    for (const [file, code, at] of cases) {
      const doc = parseFile(`${CAP_LIB}/${file}`);
      assert.deepEqual(
        doc.rejected.map((r) => [r.code, r.path, r.itemIndex]),
        [[code, at, 0]],
        file,
      );
      assert.ok(doc.rejected[0]!.message.length > 20);
    }
    const mixed = parseText(
      `<feed xmlns="http://www.w3.org/2005/Atom" xmlns:cap="urn:oasis:names:tc:emergency:cap:1.2">` +
        `<entry><id>a</id><title>Flood Warning</title><updated>2024-01-01T00:00:00Z</updated><cap:severity>Severe</cap:severity></entry>` +
        `<entry><id>b</id><title>Bad</title><updated>2024-01-01T00:00:00Z</updated><cap:severity>Huge</cap:severity></entry>` +
        `<entry><id>c</id><title>Link</title><updated>2024-01-01T00:00:00Z</updated><link href="https://example.org/c.cap"/></entry>` +
        `</feed>`,
    );
    assert.deepEqual(
      mixed.events.map((e) => [e.key, e.kind, e.severity]),
      [['a', 'flood', 'severe']],
    );
    assert.deepEqual(
      mixed.rejected.map((r) => [r.code, r.path, r.itemIndex]),
      [['cap.invalid_enum', 'feed.entry[1].severity', 1]],
    );
    assert.deepEqual(mixed.links, ['https://example.org/c.cap']);
  });
});

describe('RSS indexes', () => {
  it('returns the CAP links of ny_index.rss', () => {
    const doc = parseFile(`${CAP_LIB}/ny_index.rss`);
    assert.equal(doc.format, 'cap-rss');
    assert.deepEqual(doc.links, [
      'http://www.nyalert.gov/Public/News/GetCapAlert.aspx?capID=NYAlert-ALLHAZALERT-3167113',
      'http://www.nyalert.gov/Public/News/GetCapAlert.aspx?capID=NYAlert-ALLHAZALERT-3162202',
    ]);
  });

  it('rejects the empty item of invalid.rss', () => {
    const doc = parseFile(`${CAP_LIB}/invalid.rss`);
    assert.deepEqual(
      doc.rejected.map((r) => [r.code, r.path, r.itemIndex]),
      [['index.missing_field', 'rss.channel.item[0].title', 0]],
    );
  });

  it('never hands the poller a non-http link', () => {
    const doc = parseText(
      '<rss version="2.0"><channel><item><title>x</title><link>file:///etc/passwd</link></item>' +
        '<item><title>y</title><link>https://example.org/y.cap</link></item></channel></rss>',
    );
    assert.deepEqual(doc.links, ['https://example.org/y.cap']);
    assert.deepEqual(
      doc.rejected.map((r) => [r.code, r.itemIndex]),
      [['index.invalid_link', 0]],
    );
  });
});
