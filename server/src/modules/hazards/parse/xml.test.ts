// Safe loading: XML external-entity attacks end as rejections with nothing resolved or fetched, size
// and depth limits hold without blowing the stack, and encodings are honoured or refused, never guessed.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseFeedDocument } from './index';
import { decodeReferences, loadXml, textOf } from './xml';

const DATA = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../../../shared/data');
const read = (rel: string) => readFileSync(path.join(DATA, rel));
const bytes = (s: string) => new TextEncoder().encode(s);
const codes = (doc: { rejected: { code: string }[] }) => doc.rejected.map((r) => r.code);

const CAP = (body: string) =>
  `<alert xmlns="urn:oasis:names:tc:emergency:cap:1.2"><identifier>X1</identifier><sender>s@example.org</sender>` +
  `<sent>2024-01-01T00:00:00+00:00</sent><status>Actual</status><msgType>Alert</msgType><scope>Public</scope>` +
  `<info><category>Geo</category><event>Earthquake</event><urgency>Past</urgency><severity>Minor</severity>` +
  `<certainty>Observed</certainty><headline>${body}</headline><area><areaDesc>Somewhere</areaDesc></area></info></alert>`;

describe('XML external entities and DTDs', () => {
  for (const file of ['cap/google-cap-library/xee.cap', 'cap/google-cap-library/xee.atom']) {
    it(`rejects ${path.basename(file)} for its DOCTYPE, resolving and fetching nothing`, () => {
      const realFetch = globalThis.fetch;
      let fetched = 0;
      globalThis.fetch = (() => {
        fetched += 1;
        throw new Error('no fetching');
      }) as typeof fetch;
      try {
        const doc = parseFeedDocument(read(file), { fileName: path.basename(file) });
        assert.deepEqual(codes(doc), ['feed.doctype_forbidden']);
        assert.equal(doc.events.length, 0);
        assert.deepEqual(doc.links, []);
        assert.match(doc.rejected[0]!.message, /DOCTYPE/);
        assert.doesNotMatch(doc.rejected[0]!.message, /root:|payload/);
      } finally {
        globalThis.fetch = realFetch;
      }
      assert.equal(fetched, 0);
    });
  }

  it('rejects entity expansion bombs before anything expands', () => {
    const lol = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">${Array.from(
      { length: 9 },
      (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i || ''};`.repeat(10)}">`,
    ).join('')}]><lolz>&lol9;</lolz>`;
    assert.deepEqual(codes(parseFeedDocument(bytes(lol))), ['feed.doctype_forbidden']);
  });

  it('refuses stray DTD markup and a lower-case doctype too', () => {
    assert.deepEqual(codes(parseFeedDocument(bytes('<!doctype a><a/>'))), ['feed.doctype_forbidden']);
    assert.deepEqual(codes(parseFeedDocument(bytes('<a><!ENTITY x "y"></a>'))), ['feed.doctype_forbidden']);
  });

  it('leaves an undeclared entity reference as written, and decodes the predefined ones', () => {
    const doc = parseFeedDocument(bytes(CAP('Tom &amp; Jerry &lt;3 &#233;&#x41; &xxe;')));
    assert.equal(doc.events[0]!.title, 'Tom & Jerry <3 éA &xxe;');
    assert.equal(decodeReferences('&#0; &#xD800; &#1114112;'), '&#0; &#xD800; &#1114112;');
  });

  it('keeps CDATA verbatim, and a DOCTYPE inside CDATA is only text', () => {
    const loaded = loadXml('<a>x<![CDATA[<!DOCTYPE html>&amp;]]>y</a>', { maxDepth: 8 });
    assert.ok('root' in loaded);
    assert.equal(textOf(loaded.root), 'x<!DOCTYPE html>&amp;y');
  });
});

describe('limits', () => {
  it('refuses a document over maxBytes before decoding it', () => {
    const huge = new Uint8Array(11 * 1024 * 1024).fill(0x20);
    assert.deepEqual(codes(parseFeedDocument(huge)), ['feed.too_large']);
    const small = parseFeedDocument(read('cap/google-cap-library/earthquake.cap'), { maxBytes: 1000 });
    assert.deepEqual(codes(small), ['feed.too_large']);
    assert.match(small.rejected[0]!.message, /2809 bytes/);
  });

  it('refuses 10,000 nested elements without a stack overflow', () => {
    const deep = '<a>'.repeat(10_000) + '</a>'.repeat(10_000);
    const doc = parseFeedDocument(bytes(deep));
    assert.deepEqual(codes(doc), ['feed.too_deep']);
    assert.match(doc.rejected[0]!.message, /64 levels/);
    assert.deepEqual(codes(parseFeedDocument(bytes('<a>'.repeat(200_000)))), ['feed.too_deep']);
  });

  it('honours a custom maxDepth, counting only real tags', () => {
    const nested = '<a><b><c><!-- <d><e><f> --><![CDATA[<g><h>]]><i/></c></b></a>';
    assert.ok('root' in loadXml(nested, { maxDepth: 3 }));
    assert.deepEqual(codes(parseFeedDocument(bytes(nested), { maxDepth: 2 })), ['feed.too_deep']);
  });

  it('refuses deeply nested JSON the same way', () => {
    const deep = '['.repeat(100_000) + ']'.repeat(100_000);
    assert.deepEqual(codes(parseFeedDocument(bytes(deep))), ['feed.too_deep']);
  });
});

describe('broken and foreign documents', () => {
  it('says a truncated alert is not well-formed XML', () => {
    const truncated = read('cap/google-cap-library/earthquake.cap').subarray(0, 1000);
    const doc = parseFeedDocument(truncated, { fileName: 'earthquake.cap' });
    assert.deepEqual(codes(doc), ['feed.not_xml']);
    assert.match(doc.rejected[0]!.message, /^earthquake\.cap: .*still open/);
  });

  it('tells garbage, markup soup, bad JSON and empty input apart', () => {
    assert.deepEqual(codes(parseFeedDocument(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 1, 2]))), [
      'feed.unrecognised',
    ]);
    assert.deepEqual(codes(parseFeedDocument(read('cap/google-cap-library/naads_x509_cert.pem'))), [
      'feed.unrecognised',
    ]);
    assert.deepEqual(codes(parseFeedDocument(bytes('<a><b></a>'))), ['feed.not_xml']);
    assert.deepEqual(codes(parseFeedDocument(bytes('<a/><b/>'))), ['feed.not_xml']);
    assert.deepEqual(codes(parseFeedDocument(bytes('<a>x & y</a>'))), ['feed.not_xml']);
    assert.deepEqual(codes(parseFeedDocument(bytes('{"type": "FeatureCollection", "features": ['))), [
      'feed.not_json',
    ]);
    assert.deepEqual(codes(parseFeedDocument(new Uint8Array())), ['feed.empty']);
  });

  it('refuses well-formed XML and JSON of formats it does not read', () => {
    const html = parseFeedDocument(bytes('<html><body><p>Hello</p></body></html>'));
    assert.deepEqual(codes(html), ['feed.unrecognised']);
    assert.equal(html.format, 'unknown');
    const generic = parseFeedDocument(read('feeds/geojson-client/generic_feed_1.json'));
    assert.deepEqual(codes(generic), ['feed.unrecognised']);
  });

  it('turns a name the parser considers dangerous into a rejection, not an exception', () => {
    assert.deepEqual(
      codes(parseFeedDocument(bytes('<rss version="2.0"><channel><__proto__/></channel></rss>'))),
      ['feed.not_xml'],
    );
  });
});

describe('encodings', () => {
  it('decodes an ISO-8859-1 alert by its declaration', () => {
    const doc = parseFeedDocument(read('cap/google-cap-library/earthquake-iso8859-1.cap'));
    assert.deepEqual(doc.rejected, []);
    assert.equal(doc.events[0]!.title, 'EQ 4.6 Usulután, Usulután, El Salvador - PRELIMINARY REPORT');
  });

  it('refuses bytes that are not valid UTF-8 when UTF-8 is declared or implied', () => {
    const declared = [
      ...bytes('<?xml version="1.0" encoding="UTF-8"?>'),
      ...bytes(CAP('x')).slice(0, 200),
      0xc3,
      0x28,
    ];
    assert.deepEqual(codes(parseFeedDocument(new Uint8Array(declared))), ['feed.encoding']);
    assert.deepEqual(codes(parseFeedDocument(new Uint8Array([...bytes('<a>'), 0xff, ...bytes('</a>')]))), [
      'feed.encoding',
    ]);
  });

  it('refuses an unknown encoding, and a UTF-16 declaration on single-byte text', () => {
    const klingon = parseFeedDocument(bytes('<?xml version="1.0" encoding="x-klingon"?><a/>'));
    assert.deepEqual(codes(klingon), ['feed.encoding']);
    assert.match(klingon.rejected[0]!.message, /x-klingon/);
    assert.deepEqual(codes(parseFeedDocument(bytes('<?xml version="1.0" encoding="UTF-16"?><a/>'))), [
      'feed.encoding',
    ]);
  });

  it('reads UTF-16 LE and BE by their byte-order marks, and UTF-8 with a BOM', () => {
    const text = CAP('Séisme à Nouméa');
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const be = Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()]);
    const utf8 = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
    for (const doc of [le, be, utf8].map((b) => parseFeedDocument(b))) {
      assert.deepEqual(doc.rejected, []);
      assert.equal(doc.events[0]!.title, 'Séisme à Nouméa');
    }
  });

  it('uses a Content-Type charset only when the document declares nothing', () => {
    const latin1 = Buffer.from(CAP('Peñíscola'), 'latin1');
    const doc = parseFeedDocument(latin1, { contentType: 'application/cap+xml; charset=ISO-8859-1' });
    assert.equal(doc.events[0]!.title, 'Peñíscola');
    assert.deepEqual(codes(parseFeedDocument(latin1)), ['feed.encoding']);
  });
});
