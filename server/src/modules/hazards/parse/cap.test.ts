// CAP alerts: the fields an officer acts on come out right (identity, times, areas with coordinates
// swapped to [lon, lat], languages, references), and an alert breaking a CAP 1.2 rule is rejected
// whole with the element that broke it.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseCapDateTime } from './dates';
import { parseFeedDocument } from './index';
import { earthquakeRadiusKm } from './radius';

const DATA = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../../../shared/data');
const parseFile = (rel: string) =>
  parseFeedDocument(readFileSync(path.join(DATA, rel)), { fileName: path.basename(rel) });
const parseText = (xml: string) => parseFeedDocument(new TextEncoder().encode(xml));

const header = (
  fields: Partial<Record<'identifier' | 'sender' | 'sent' | 'status' | 'msgType' | 'scope', string>>,
) => {
  const f = {
    identifier: 'KSTO1055887203',
    sender: 'KSTO@NWS.NOAA.GOV',
    sent: '2003-06-17T14:57:00-07:00',
    status: 'Actual',
    msgType: 'Alert',
    scope: 'Public',
    ...fields,
  };
  return Object.entries(f)
    .map(([k, v]) => `<${k}>${v}</${k}>`)
    .join('');
};
const info = (extra = '', lang = 'en-US', headline = 'SEVERE THUNDERSTORM WARNING') =>
  `<info><language>${lang}</language><category>Met</category><event>SEVERE THUNDERSTORM</event>` +
  `<urgency>Immediate</urgency><severity>Severe</severity><certainty>Observed</certainty>` +
  `<headline>${headline}</headline>${extra}</info>`;
const alert = (inner: string, ns = 'urn:oasis:names:tc:emergency:cap:1.2') =>
  `<alert xmlns="${ns}">${inner}</alert>`;
const area = (shapes: string) => `<area><areaDesc>Alpine County</areaDesc>${shapes}</area>`;

describe('CAP alerts from the shared files', () => {
  it('reads earthquake.cap: identity, times, and the circle swapped to lon,lat', () => {
    const doc = parseFile('cap/google-cap-library/earthquake.cap');
    assert.equal(doc.format, 'cap');
    assert.deepEqual(doc.rejected, []);
    const [e] = doc.events;
    assert.ok(e);
    assert.equal(
      e.key,
      'http://earthquake.usgs.gov/research/monitoring/anss/neic/|USGS-earthquakes-us2010apcd.6.20100831T000925.496Z|2010-08-31T00:09:25-05:00',
    );
    assert.equal(e.source, 'cap');
    assert.equal(e.sent, '2010-08-31T05:09:25.000Z');
    assert.equal(e.revision, Date.UTC(2010, 7, 31, 5, 9, 25));
    assert.equal(e.expires, '2010-09-02T05:09:25.000Z');
    assert.equal(e.action, 'alert');
    assert.equal(e.status, 'actual');
    assert.equal(e.kind, 'earthquake');
    assert.equal(e.severity, 'unknown');
    assert.equal(e.urgency, 'Past');
    assert.equal(e.certainty, 'Likely');
    assert.equal(e.title, 'EQ 6.3 Neiafu, Tonga - PRELIMINARY REPORT');
    assert.equal(e.magnitude, 6.3);
    // <circle>-16.053,-173.274 0.0</circle> is "lat,lon radius".
    assert.deepEqual(e.area.circles, [{ lon: -173.274, lat: -16.053, radiusKm: 0 }]);
    assert.deepEqual(e.area.point, { lon: -173.274, lat: -16.053 });
    assert.equal(e.area.suggestedRadiusKm, earthquakeRadiusKm(6.3, 38.7));
    assert.match(e.area.description!, /^185 miles \(298 km\) NNE of Neiafu, Tonga/);
    assert.equal(e.link, 'http://earthquake.usgs.gov/eqcenter/recenteqsww/Quakes/us2010apcd.php');
  });

  it('reads canada.cap: polygons as closed [lon, lat] rings, both languages, and its references', () => {
    const [e] = parseFile('cap/google-cap-library/canada.cap').events;
    assert.ok(e);
    assert.equal(e.language, 'en-CA');
    assert.deepEqual(e.titles, { 'en-CA': 'severe thunderstorm watch', 'fr-CA': "veille d'orages violents" });
    assert.equal(e.title, 'severe thunderstorm watch');
    assert.equal(e.kind, 'storm');
    assert.equal(e.severity, 'minor');
    assert.equal(e.action, 'update');
    assert.deepEqual(e.references, [
      'cap@ec.gc.ca|2.49.0.1.124.a3f342a4.2012|2012-05-02T21:45:05-00:00',
      'cap@ec.gc.ca|2.49.0.1.124.60f31a3a.2012|2012-05-02T21:55:21-00:00',
    ]);
    // The same two areas appear in the English and the French <info>: kept once.
    assert.equal(e.area.polygons.length, 2);
    const ring = e.area.polygons[0]![0]!;
    assert.deepEqual(ring[0], [-82.9314, 42.3481]);
    assert.deepEqual(ring[1], [-82.6937, 42.3363]);
    assert.deepEqual(ring[ring.length - 1], ring[0]);
    assert.equal(e.area.description, 'Windsor - Leamington - Essex County; Chatham-Kent - Rondeau Park');
    assert.ok(e.area.geocodes.some((g) => g.name === 'profile:CAP-CP:Location:0.3' && g.value === '3537001'));
  });

  it('reads the OASIS Amber Alert example with its English and Spanish headlines', () => {
    const [e] = parseFile('cap/ibm-cap/cap_amber_alert_example.xml').events;
    assert.deepEqual(e?.titles, {
      'en-US': 'Amber Alert in Los Angeles County',
      'es-US': 'Alerta Amber en el condado de Los Ángeles',
    });
  });

  it('accepts signed alerts as plain CAP', () => {
    for (const file of ['canada_signed.cap', 'earthquake_signed.cap']) {
      const doc = parseFile(`cap/google-cap-library/${file}`);
      assert.deepEqual(doc.rejected, [], file);
      assert.equal(doc.events.length, 1, file);
    }
  });

  it('rejects noaa_errors.cap, naming the empty urgency first and listing the broken polygon', () => {
    const doc = parseFile('cap/google-cap-library/noaa_errors.cap');
    assert.equal(doc.events.length, 0);
    assert.equal(doc.rejected.length, 1);
    const [r] = doc.rejected;
    assert.equal(r?.code, 'cap.invalid_enum');
    assert.equal(r?.path, 'alert.info[0].urgency');
    assert.match(r!.message, /urgency '' at alert\.info\[0\]\.urgency is not one of Immediate/);
    assert.match(
      r!.message,
      /'\+40\.85,-118\.09,' is not a "lat,lon" pair at alert\.info\[0\]\.area\[0\]\.polygon\[0\]/,
    );
  });

  it('rejects invalid.cap for its missing scope', () => {
    const doc = parseFile('cap/google-cap-library/invalid.cap');
    assert.deepEqual(
      doc.rejected.map((r) => [r.code, r.path]),
      [['cap.missing_field', 'alert.scope']],
    );
  });

  it('accepts an alert without any <info>, as CAP allows', () => {
    const [e] = parseFile('cap/google-cap-library/no_optional_fields.cap').events;
    assert.equal(e?.kind, 'other');
    assert.equal(e?.severity, 'unknown');
    assert.equal(e?.language, undefined);
  });
});

describe('CAP updates and cancellations', () => {
  it('keys an Update by this message and lists the messages it updates', () => {
    const doc = parseText(
      alert(
        header({ msgType: 'Update', sent: '2003-06-17T15:30:00-07:00' }) +
          '<references>KSTO@NWS.NOAA.GOV,KSTO1055887203,2003-06-17T14:57:00-07:00\n  KSTO@NWS.NOAA.GOV,KSTO1055887202,2003-06-17T14:00:00-07:00</references>' +
          info(),
      ),
    );
    const [e] = doc.events;
    assert.equal(e?.action, 'update');
    assert.equal(e?.key, 'KSTO@NWS.NOAA.GOV|KSTO1055887203|2003-06-17T15:30:00-07:00');
    assert.deepEqual(e?.references, [
      'KSTO@NWS.NOAA.GOV|KSTO1055887203|2003-06-17T14:57:00-07:00',
      'KSTO@NWS.NOAA.GOV|KSTO1055887202|2003-06-17T14:00:00-07:00',
    ]);
    assert.ok(e!.revision > parseCapDateTime('2003-06-17T14:57:00-07:00')!);
  });

  it('reads a Cancel, whose references match the key of the original alert', () => {
    const original = parseText(alert(header({}) + info())).events[0]!;
    const cancel = parseText(
      alert(
        header({ identifier: 'KSTO1055887299', msgType: 'Cancel', sent: '2003-06-17T16:00:00-07:00' }) +
          '<references>KSTO@NWS.NOAA.GOV,KSTO1055887203,2003-06-17T14:57:00-07:00</references>',
      ),
    ).events[0]!;
    assert.equal(cancel.action, 'cancel');
    assert.deepEqual(cancel.references, [original.key]);
  });

  it('rejects malformed references rather than linking the update to nothing', () => {
    const doc = parseText(
      alert(
        header({ msgType: 'Update' }) + '<references>KSTO@NWS.NOAA.GOV,KSTO1055887203</references>' + info(),
      ),
    );
    assert.deepEqual(
      doc.rejected.map((r) => [r.code, r.path]),
      [['cap.invalid_references', 'alert.references']],
    );
  });

  it('tolerates an empty <references/>', () => {
    const doc = parseFile('cap/google-cap-library/canada_errors.cap');
    assert.deepEqual(doc.events[0]?.references, []);
  });

  it('rejects Ack and Error messages with a reason', () => {
    for (const msgType of ['Ack', 'Error']) {
      const doc = parseText(
        alert(header({ msgType }) + '<references>a@b,X,2003-06-17T14:57:00-07:00</references>'),
      );
      assert.equal(doc.rejected[0]?.code, 'cap.unsupported_msgtype');
      assert.equal(doc.rejected[0]?.path, 'alert.msgType');
    }
  });
});

describe('CAP validation rules', () => {
  const rejects = (xml: string, code: string, pathName: string) => {
    const doc = parseText(xml);
    assert.equal(doc.events.length, 0, xml);
    assert.equal(doc.rejected[0]?.code, code, doc.rejected[0]?.message);
    assert.equal(doc.rejected[0]?.path, pathName);
  };

  it('requires identifier, sender and sent, and a time zone on every dateTime', () => {
    rejects(
      alert(header({}).replace(/<identifier>.*<\/identifier>/, '') + info()),
      'cap.missing_field',
      'alert.identifier',
    );
    rejects(alert(header({ sender: '' }) + info()), 'cap.missing_field', 'alert.sender');
    rejects(alert(header({ sent: '2003-06-17T14:57:00' }) + info()), 'cap.invalid_datetime', 'alert.sent');
    rejects(
      alert(header({ sent: '2003-02-30T14:57:00-07:00' }) + info()),
      'cap.invalid_datetime',
      'alert.sent',
    );
    rejects(
      alert(header({}) + info('<expires>tomorrow</expires>')),
      'cap.invalid_datetime',
      'alert.info[0].expires',
    );
  });

  it('rejects identifiers with spaces or commas (CAP 1.2 §3.2.1)', () => {
    rejects(alert(header({ identifier: 'INVALID, ' }) + info()), 'cap.invalid_value', 'alert.identifier');
  });

  it('checks the enumerations, case included', () => {
    rejects(alert(header({ status: 'actual' }) + info()), 'cap.invalid_enum', 'alert.status');
    rejects(alert(header({ scope: 'Everyone' }) + info()), 'cap.invalid_enum', 'alert.scope');
    rejects(
      alert(header({}) + info().replace('<category>Met', '<category>Weather')),
      'cap.invalid_enum',
      'alert.info[0].category[0]',
    );
    rejects(
      alert(header({}) + info('<responseType>Run</responseType>')),
      'cap.invalid_enum',
      'alert.info[0].responseType[0]',
    );
    rejects(
      alert(header({}) + info().replace('Immediate', 'Now')),
      'cap.invalid_enum',
      'alert.info[0].urgency',
    );
    rejects(
      alert(header({}) + info().replace('<certainty>Observed', '<certainty>Very Likely')),
      'cap.invalid_enum',
      'alert.info[0].certainty',
    );
    // CAP 1.1 still allows the deprecated "Very Likely".
    const old = parseText(
      alert(
        header({}) + info().replace('<certainty>Observed', '<certainty>Very Likely'),
        'urn:oasis:names:tc:emergency:cap:1.1',
      ),
    );
    assert.equal(old.events[0]?.certainty, 'Very Likely');
  });

  it('requires category, event, urgency, severity and certainty in each info, and areaDesc in each area', () => {
    rejects(
      alert(header({}) + info().replace(/<event>.*<\/event>/, '')),
      'cap.missing_field',
      'alert.info[0].event',
    );
    rejects(
      alert(header({}) + info().replace(/<severity>.*<\/severity>/, '')),
      'cap.missing_field',
      'alert.info[0].severity',
    );
    rejects(
      alert(header({}) + info() + info('<area><polygon/></area>', 'fr-CA')),
      'cap.missing_field',
      'alert.info[1].area[0].areaDesc',
    );
  });

  it('rejects an unclosed, short or out-of-range polygon instead of dropping the area', () => {
    const polygon = (p: string) => alert(header({}) + info(area(`<polygon>${p}</polygon>`)));
    rejects(
      polygon('38.47,-120.14 38.34,-119.95 38.52,-119.74 38.62,-119.89'),
      'cap.invalid_polygon',
      'alert.info[0].area[0].polygon[0]',
    );
    rejects(
      polygon('38.47,-120.14 38.34,-119.95 38.47,-120.14'),
      'cap.invalid_polygon',
      'alert.info[0].area[0].polygon[0]',
    );
    rejects(
      polygon('98.47,-120.14 38.34,-119.95 38.52,-119.74 98.47,-120.14'),
      'cap.invalid_polygon',
      'alert.info[0].area[0].polygon[0]',
    );
    rejects(
      polygon('38.47;-120.14 38.34,-119.95 38.52,-119.74 38.47;-120.14'),
      'cap.invalid_polygon',
      'alert.info[0].area[0].polygon[0]',
    );
    rejects(
      alert(header({}) + info(area('<circle>38.47,-200 5</circle>'))),
      'cap.invalid_circle',
      'alert.info[0].area[0].circle[0]',
    );
  });

  it('reads a valid polygon and circle, swapping lat,lon to lon,lat', () => {
    const doc = parseText(
      alert(
        header({}) +
          info(
            area(
              '<polygon>38.47,-120.14 38.34,-119.95 38.52,-119.74 38.62,-119.89 38.47,-120.14</polygon>' +
                '<circle>32.9525,-115.5527 12.5</circle><geocode><valueName>SAME</valueName><value>006109</value></geocode>',
            ),
          ),
      ),
    );
    const a = doc.events[0]!.area;
    assert.deepEqual(a.polygons, [
      [
        [
          [-120.14, 38.47],
          [-119.95, 38.34],
          [-119.74, 38.52],
          [-119.89, 38.62],
          [-120.14, 38.47],
        ],
      ],
    ]);
    assert.deepEqual(a.circles, [{ lon: -115.5527, lat: 32.9525, radiusKm: 12.5 }]);
    assert.deepEqual(a.geocodes, [{ name: 'SAME', value: '006109' }]);
    assert.equal(a.point, undefined);
  });

  it('prefers the English info block wherever it is, keeping every language title', () => {
    const doc = parseText(
      alert(header({}) + info('', 'fr-CA', 'ORAGE VIOLENT') + info('', 'en-CA', 'SEVERE STORM')),
    );
    const e = doc.events[0]!;
    assert.equal(e.language, 'en-CA');
    assert.equal(e.title, 'SEVERE STORM');
    assert.deepEqual(e.titles, { 'fr-CA': 'ORAGE VIOLENT', 'en-CA': 'SEVERE STORM' });
  });

  it('reads the CAP 1.0 namespace and prefixed elements', () => {
    const v10 = parseText(alert(header({}) + info(), 'http://www.incident.com/cap/1.0'));
    assert.equal(v10.events.length, 1);
    const prefixed = parseFile('cap/google-cap-library/australia.cap');
    assert.equal(prefixed.events[0]?.kind, 'wildfire');
    assert.deepEqual(prefixed.events[0]?.area.circles, [{ lon: 147.0598, lat: -35.3888, radiusKm: 25 }]);
  });

  it('keeps only http(s) links', () => {
    const doc = parseText(alert(header({}) + info('<web>javascript:alert(1)</web>')));
    assert.equal(doc.events[0]?.link, undefined);
  });
});
