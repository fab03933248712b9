import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { buildTestApp, call, dialectUnderTest, signedInAs, type TestApp } from './helpers';

describe(`platform basics (${dialectUnderTest})`, () => {
  let t: TestApp;
  before(async () => {
    t = await buildTestApp();
  });
  after(() => t.close());

  it('answers /healthz with the database it checked', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/healthz' });
    assert.equal(res.statusCode, 200);
    assert.deepEqual(res.json(), { status: 'ok', database: dialectUnderTest, version: '0.1.0' });
    assert.match(res.headers['x-request-id'] as string, /^[0-9a-f-]{36}$/);
  });

  it('publishes an OpenAPI 3 document generated from the schemas, and a docs page', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
    assert.equal(res.statusCode, 200);
    const doc = res.json();
    assert.match(doc.openapi, /^3\./);
    assert.ok(doc.paths['/api/v1/auth/login'].post);
    assert.ok(doc.paths['/api/v1/missions/{code}'].patch.requestBody);
    const docs = await t.app.inject({ method: 'GET', url: '/api/docs/' });
    assert.equal(docs.statusCode, 200);
    assert.match(docs.body, /swagger/i);
  });

  it('sends security headers', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/healthz' });
    assert.match(String(res.headers['content-security-policy']), /default-src 'self'/);
    assert.equal(res.headers['x-content-type-options'], 'nosniff');
  });

  it('keeps the request id a caller sends, for tracing across systems', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/healthz',
      headers: { 'x-request-id': 'ops-1234' },
    });
    assert.equal(res.headers['x-request-id'], 'ops-1234');
  });

  it('answers an unknown API route with a coded 404', async () => {
    const { session } = await signedInAs(t, 'hq_admin');
    const res = await call(t, session, 'GET', '/api/v1/nothing-here');
    assert.equal(res.statusCode, 404);
    assert.equal(res.json().error.code, 'request.not_found');
  });
});
