// Hazard feeds on a real database: CAP, GDACS and USGS documents imported by hand and polled
// over HTTP with conditional GET; dedupe and updates on each format's keys; CAP updates and
// cancellations through `references`; hostile and broken documents kept with their reasons; the
// nationals inside each event's area; promotion to a crisis.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PersonCreate } from '@siaga/contracts';
import { createPerson } from '../src/modules/people/people.service';
import { ingestDocument } from '../src/modules/hazards/hazards.service';
import { addFeed, pollFeed } from '../src/modules/hazards/feeds.service';
import {
  buildTestApp,
  call,
  makeMission,
  runSiaga,
  signedInAs,
  system,
  testConfig,
  type Session,
  type TestApp,
} from './helpers';

const DATA = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../shared/data');
const file = (p: string) => fs.readFileSync(path.join(DATA, p));

const cap = (o: {
  id: string;
  sent: string;
  msgType: string;
  references?: string;
  urgency?: string;
  circle?: string;
}) =>
  Buffer.from(`<?xml version="1.0" encoding="UTF-8"?>
<alert xmlns="urn:oasis:names:tc:emergency:cap:1.2">
  <identifier>${o.id}</identifier>
  <sender>warnings@bmkg.example</sender>
  <sent>${o.sent}</sent>
  <status>Actual</status>
  <msgType>${o.msgType}</msgType>
  <scope>Public</scope>
  ${o.references ? `<references>${o.references}</references>` : ''}
  <info>
    <language>en</language>
    <category>Geo</category>
    <event>Earthquake</event>
    <urgency>${o.urgency ?? 'Immediate'}</urgency>
    <severity>Severe</severity>
    <certainty>Observed</certainty>
    <headline>Strong earthquake near Kuala Lumpur (${o.msgType})</headline>
    <area>
      <areaDesc>Selangor</areaDesc>
      <circle>${o.circle ?? '3.15,101.69 50'}</circle>
    </area>
  </info>
</alert>`);

describe('hazard feeds', () => {
  let t: TestApp;
  let hq: Session;

  before(async () => {
    t = await buildTestApp();
    await makeMission(t, { countries: ['MY'], city: 'Kuala Lumpur', hotline: '+60321164000' });
    hq = (await signedInAs(t, 'hq_officer')).session;
    for (const [name, lat, lon] of [
      ['Near Epicentre', 3.2, 101.7],
      ['Also Near', 3.0, 101.5],
      ['Far In Sabah', 5.98, 116.07],
    ] as const) {
      await createPerson(
        t.deps,
        system,
        PersonCreate.parse({
          fullName: name,
          statusAbroad: 'worker',
          location: { country: 'MY', city: 'X', lat, lon, source: 'officer' },
        }),
      );
    }
  });
  after(() => t.close());

  it('imports a CAP alert once, counts the nationals inside, then applies its update and cancellation', async () => {
    const first = await ingestDocument(
      t.deps,
      system,
      cap({ id: 'EQ-1', sent: '2026-12-01T10:00:00+07:00', msgType: 'Alert' }),
      {
        fileName: 'eq-1.cap',
      },
    );
    assert.equal(first.accepted, 1);
    assert.equal(first.events[0]!.affectedNationals, 2);
    assert.equal(first.events[0]!.kind, 'earthquake');
    const again = await ingestDocument(
      t.deps,
      system,
      cap({ id: 'EQ-1', sent: '2026-12-01T10:00:00+07:00', msgType: 'Alert' }),
      {},
    );
    assert.equal(again.accepted, 0);
    assert.equal(again.duplicates, 1);
    const ref = 'warnings@bmkg.example,EQ-1,2026-12-01T10:00:00+07:00';
    const update = await ingestDocument(
      t.deps,
      system,
      cap({
        id: 'EQ-2',
        sent: '2026-12-01T11:00:00+07:00',
        msgType: 'Update',
        references: ref,
        circle: '5.98,116.07 20',
      }),
      {},
    );
    assert.equal(update.updated, 1);
    assert.equal(update.events[0]!.id, first.events[0]!.id, 'the update revises the same event');
    assert.equal(update.events[0]!.affectedNationals, 1, 'the new area holds only the person in Sabah');
    const cancel = await ingestDocument(
      t.deps,
      system,
      cap({
        id: 'EQ-3',
        sent: '2026-12-01T12:00:00+07:00',
        msgType: 'Cancel',
        references: 'warnings@bmkg.example,EQ-2,2026-12-01T11:00:00+07:00',
      }),
      {},
    );
    assert.equal(cancel.cancelled, 1);
    const shown = await call(t, hq, 'GET', `/api/v1/hazards/${first.events[0]!.id}`);
    assert.equal(shown.json().cancelled, true);
    assert.equal(shown.json().revisions, 3);
    const listed = await call(t, hq, 'GET', '/api/v1/hazards');
    assert.ok(
      !listed.json().items.some((h: { id: string }) => h.id === first.events[0]!.id),
      'cancelled events are hidden by default',
    );
  });

  it('dedupes USGS on id and takes a newer `updated`', async () => {
    const doc = JSON.parse(file('feeds/usgs/usgs-4.5_week-2018.geojson').toString('utf8'));
    const first = await ingestDocument(t.deps, system, Buffer.from(JSON.stringify(doc)), {});
    assert.equal(first.accepted, doc.features.length);
    doc.features[0].properties.updated += 60_000;
    doc.features[0].properties.mag = 6.1;
    const second = await ingestDocument(t.deps, system, Buffer.from(JSON.stringify(doc)), {});
    assert.equal(second.updated, 1);
    assert.equal(second.duplicates, doc.features.length - 1);
    const ev = second.events.find((e) => e.title && e.area.point)!;
    assert.ok(ev.area.radiusKm! > 0, 'a point event gets a radius from its magnitude');
    // USGS names no country: the gazetteer finds it from the point.
    const quake = {
      ...doc.features[1],
      id: 'us-test-kl',
      properties: { ...doc.features[1].properties, mag: 6.5 },
      geometry: { type: 'Point', coordinates: [101.69, 3.15, 10] },
    };
    const third = await ingestDocument(
      t.deps,
      system,
      Buffer.from(JSON.stringify({ ...doc, features: [quake] })),
      {},
    );
    const shown = await call(t, hq, 'GET', `/api/v1/hazards/${third.events[0]!.id}`);
    assert.deepEqual(shown.json().countries, ['MY']);
    assert.equal(shown.json().affectedNationals, 2);
  });

  it('updates GDACS events on a newer episode', async () => {
    const a = await ingestDocument(t.deps, system, file('feeds/gdacs/gdacs-1.xml'), {});
    assert.ok(a.accepted > 0, JSON.stringify(a.errors));
    const b = await ingestDocument(t.deps, system, file('feeds/gdacs/gdacs-1.xml'), {});
    assert.equal(b.accepted, 0);
    assert.equal(b.duplicates, a.accepted);
    // The same earthquake, one episode later.
    const next = file('feeds/gdacs/gdacs-1.xml')
      .toString('utf8')
      .replace('<gdacs:episodeid>1287798', '<gdacs:episodeid>1287799');
    const c = await ingestDocument(t.deps, system, Buffer.from(next), {});
    assert.equal(c.updated, 1);
    assert.equal(c.accepted, 0);
    const ev = await call(
      t,
      hq,
      'GET',
      `/api/v1/hazards/${c.events.find((e) => e.kind === 'earthquake')!.id}`,
    );
    assert.equal(ev.json().revisions, 2);
  });

  it('keeps hostile and broken documents with their reasons, and never resolves an external entity', async () => {
    for (const name of ['cap/google-cap-library/xee.cap', 'cap/google-cap-library/xee.atom']) {
      const r = await ingestDocument(t.deps, system, file(name), { fileName: path.basename(name) });
      assert.equal(r.accepted, 0);
      assert.ok(
        r.errors.some((e) => e.code === 'feed.doctype_forbidden'),
        JSON.stringify(r.errors),
      );
    }
    const garbage = await ingestDocument(t.deps, system, Buffer.from('\x00\x01 this is not a feed'), {
      fileName: 'junk.bin',
    });
    assert.equal(garbage.accepted, 0);
    assert.ok(garbage.rejected > 0);
    const bad = await ingestDocument(
      t.deps,
      system,
      cap({ id: 'BAD', sent: '2026-12-01T10:00:00+07:00', msgType: 'Alert', urgency: 'Whenever' }),
      {
        fileName: 'bad-urgency.cap',
      },
    );
    assert.equal(bad.accepted, 0);
    assert.ok(
      bad.errors.some((e) => /urgency/i.test(`${e.path} ${e.message}`)),
      JSON.stringify(bad.errors),
    );
    const docs = await call(t, hq, 'GET', '/api/v1/feeds/documents?status=rejected');
    const names = docs.json().items.map((d: { fileName: string }) => d.fileName);
    for (const n of ['xee.cap', 'xee.atom', 'junk.bin', 'bad-urgency.cap'])
      assert.ok(names.includes(n), `${n} kept`);
    const xee = docs.json().items.find((d: { fileName: string }) => d.fileName === 'xee.cap');
    assert.ok(xee.rejections[0].message.length > 0);
  });

  it('polls a feed with conditional GET and records a failing one', async () => {
    let hits = 0;
    let conditional = 0;
    const body = cap({ id: 'POLL-1', sent: '2026-12-02T08:00:00+07:00', msgType: 'Alert' });
    const server = http.createServer((req, res) => {
      hits++;
      if (req.headers['if-none-match'] === '"v1"') {
        conditional++;
        res.writeHead(304).end();
        return;
      }
      res.writeHead(200, { etag: '"v1"', 'content-type': 'application/cap+xml' }).end(body);
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const port = (server.address() as AddressInfo).port;
    try {
      const feed = await addFeed(t.deps, system, {
        name: 'Local CAP',
        url: `http://127.0.0.1:${port}/cap.xml`,
        intervalMinutes: 5,
        enabled: true,
      });
      const first = await pollFeed(t.deps, system, feed.id);
      assert.equal(first.status, 'fetched');
      assert.equal(first.results[0]!.accepted, 1);
      const second = await pollFeed(t.deps, system, feed.id);
      assert.equal(second.status, 'not_modified');
      assert.equal(conditional, 1);
      assert.equal(hits, 2);
    } finally {
      await new Promise((r) => server.close(r));
    }
    const dead = await addFeed(t.deps, system, {
      name: 'Gone',
      url: `http://127.0.0.1:${port}/gone`,
      intervalMinutes: 5,
      enabled: true,
    });
    const failed = await pollFeed(t.deps, system, dead.id);
    assert.equal(failed.status, 'failed');
    const feeds = await call(t, hq, 'GET', '/api/v1/feeds');
    const gone = feeds.json().items.find((f: { id: string }) => f.id === dead.id);
    assert.equal(gone.lastStatus, 'failed');
    assert.ok(gone.lastError);
  });

  it("follows an index to its linked alerts, on the feed's own host only", async () => {
    const fetched: string[] = [];
    const server = http.createServer((req, res) => {
      fetched.push(req.url ?? '');
      if (req.url === '/index.atom') {
        const port = (server.address() as AddressInfo).port;
        res.writeHead(200, { 'content-type': 'application/atom+xml' })
          .end(`<?xml version="1.0" encoding="UTF-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <id>urn:test:index</id><title>Alerts</title><updated>2026-12-02T08:00:00Z</updated>
  <entry><id>urn:test:a</id><title>A</title><updated>2026-12-02T08:00:00Z</updated>
    <link href="http://127.0.0.1:${port}/a.cap" type="application/cap+xml"/></entry>
  <entry><id>urn:test:b</id><title>B</title><updated>2026-12-02T08:00:00Z</updated>
    <link href="http://localhost:${port}/b.cap" type="application/cap+xml"/></entry>
</feed>`);
        return;
      }
      res
        .writeHead(200, { 'content-type': 'application/cap+xml' })
        .end(cap({ id: `LINK${req.url}`, sent: '2026-12-02T08:00:00+07:00', msgType: 'Alert' }));
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const port = (server.address() as AddressInfo).port;
    try {
      const feed = await addFeed(t.deps, system, {
        name: 'Index',
        url: `http://127.0.0.1:${port}/index.atom`,
        intervalMinutes: 5,
        enabled: true,
      });
      const polled = await pollFeed(t.deps, system, feed.id);
      assert.equal(polled.status, 'fetched');
      assert.deepEqual(fetched, ['/index.atom', '/a.cap'], 'the alert on another host is not fetched');
      assert.equal(polled.results[1]!.accepted, 1);
    } finally {
      await new Promise((r) => server.close(r));
    }
  });

  it('promotes a hazard to a crisis once', async () => {
    const r = await ingestDocument(
      t.deps,
      system,
      cap({ id: 'PROMO-1', sent: '2026-12-03T08:00:00+07:00', msgType: 'Alert' }),
      {},
    );
    const id = r.events[0]!.id;
    const res = await call(t, hq, 'POST', `/api/v1/hazards/${id}/promote`, {});
    assert.equal(res.statusCode, 201, res.body);
    assert.equal(res.json().type, 'natural_disaster');
    assert.deepEqual(res.json().countries, ['MY']);
    assert.equal(res.json().hazardEventId, id);
    const counts = await call(t, hq, 'GET', `/api/v1/crises/${res.json().id}/affected`);
    assert.equal(counts.json().inside, 2);
    const twice = await call(t, hq, 'POST', `/api/v1/hazards/${id}/promote`, {});
    assert.equal(twice.statusCode, 409);
  });

  it('siaga feeds import FILE --json prints the contract', async () => {
    const install = testConfig();
    try {
      const res = await runSiaga(
        ['feeds', 'import', path.join(DATA, 'cap/google-cap-library/earthquake.cap'), '--json'],
        install,
      );
      assert.equal(res.code, 0, res.stderr);
      const out = JSON.parse(res.stdout);
      assert.equal(out.accepted, 1);
      assert.equal(out.rejected, 0);
      assert.deepEqual(Object.keys(out.events[0]).sort(), [
        'affectedNationals',
        'area',
        'id',
        'kind',
        'severity',
        'source',
        'title',
      ]);
      assert.equal(out.events[0].source, 'cap');
      assert.deepEqual(out.events[0].area.circles[0], { lat: -16.053, lon: -173.274, radiusKm: 0 });
      const bad = await runSiaga(
        ['feeds', 'import', path.join(DATA, 'cap/google-cap-library/xee.cap'), '--json'],
        install,
      );
      assert.equal(bad.code, 3);
      assert.equal(JSON.parse(bad.stdout).errors[0].code, 'feed.doctype_forbidden');
    } finally {
      fs.rmSync(install.dataDir, { recursive: true, force: true });
    }
  });
});
