// EDXL-DE envelopes: every CAP alert inside counts on its own, so one broken alert is rejected with
// its content object's index while the rest of the envelope still arrives.
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
const DE = 'urn:oasis:names:tc:emergency:EDXL:DE:1.0';

describe('EDXL-DE', () => {
  it('reads the seven CAP alerts of bushfire_valid.edxlde', () => {
    const doc = parseFile('cap/google-cap-library/bushfire_valid.edxlde');
    assert.equal(doc.format, 'edxl-de');
    assert.deepEqual(doc.rejected, []);
    assert.equal(doc.events.length, 7);
    const first = doc.events[0]!;
    assert.equal(
      first.key,
      'webmaster@rfs.nsw.gov.au|tag:www.rfs.nsw.gov.au2011-10-18:40500|2011-10-17T11:18:00-00:00',
    );
    assert.equal(first.kind, 'wildfire');
    assert.equal(first.language, 'en-AU');
    // Located by a zero-radius circle: the centre becomes the point, with a suggested radius.
    assert.deepEqual(first.area.point, { lon: 151.9576, lat: -30.546 });
    assert.ok(first.area.suggestedRadiusKm! > 0);
  });

  it('rejects the empty and the mis-enumerated alerts of bushfire_invalid.edxlde, keeping the rest', () => {
    const doc = parseFile('cap/google-cap-library/bushfire_invalid.edxlde');
    assert.equal(doc.events.length, 5);
    assert.deepEqual(
      doc.rejected.map((r) => [r.code, r.path, r.itemIndex]),
      [
        [
          'cap.missing_field',
          'EDXLDistribution.contentObject[1].xmlContent.embeddedXMLContent.alert.identifier',
          1,
        ],
        [
          'cap.invalid_enum',
          'EDXLDistribution.contentObject[2].xmlContent.embeddedXMLContent.alert.info[0].urgency',
          2,
        ],
      ],
    );
    assert.match(doc.rejected[1]!.message, /'Foobar'/);
  });

  it('decodes a base64 CAP alert and turns a content URI into a link', () => {
    const cap = readFileSync(path.join(DATA, 'cap/google-cap-library/validator-examples-thunderstorm.cap'));
    const xml =
      `<EDXLDistribution xmlns="${DE}"><distributionID>d1</distributionID>` +
      `<contentObject><nonXMLContent><mimeType>application/cap+xml</mimeType><contentData>${cap.toString('base64')}</contentData></nonXMLContent></contentObject>` +
      `<contentObject><nonXMLContent><mimeType>application/cap+xml</mimeType><uri>https://example.org/a.cap</uri></nonXMLContent></contentObject>` +
      `<contentObject><nonXMLContent><mimeType>image/png</mimeType><uri>https://example.org/a.png</uri></nonXMLContent></contentObject>` +
      `</EDXLDistribution>`;
    const doc = parseText(xml);
    assert.deepEqual(
      doc.events.map((e) => e.key),
      ['KSTO@NWS.NOAA.GOV|KSTO1055887203|2003-06-17T14:57:00-07:00'],
    );
    assert.deepEqual(doc.links, ['https://example.org/a.cap']);
    assert.deepEqual(
      doc.rejected.map((r) => [r.code, r.itemIndex]),
      [['edxl.unsupported_content', 2]],
    );
  });

  it('applies the DOCTYPE ban to base64 content too', () => {
    const xee = readFileSync(path.join(DATA, 'cap/google-cap-library/xee.cap'));
    const xml =
      `<EDXLDistribution xmlns="${DE}"><contentObject><nonXMLContent><mimeType>text/xml</mimeType>` +
      `<contentData>${xee.toString('base64')}</contentData></nonXMLContent></contentObject></EDXLDistribution>`;
    const doc = parseText(xml);
    assert.equal(doc.events.length, 0);
    assert.equal(doc.rejected[0]?.code, 'feed.doctype_forbidden');
  });
});
