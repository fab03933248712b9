// Field encryption and lookup hashes: what protects document numbers, contacts and addresses at rest.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createKeyring } from './crypto';

const keyring = createKeyring(Buffer.alloc(32, 3).toString('base64'));
const other = createKeyring(Buffer.alloc(32, 4).toString('base64'));

describe('keyring', () => {
  it('decrypts what it encrypted, and only under the same context and key', () => {
    const c = keyring.encrypt('C1234567', 'person_documents.number');
    assert.ok(!c.includes('C1234567'));
    assert.equal(keyring.decrypt(c, 'person_documents.number'), 'C1234567');
    assert.throws(() => keyring.decrypt(c, 'person_contacts.value'));
    assert.throws(() => other.decrypt(c, 'person_documents.number'));
  });

  it('refuses a ciphertext altered in any byte', () => {
    const c = keyring.encrypt('+60123456789', 'ctx');
    const raw = Buffer.from(c.slice(3), 'base64url');
    for (const i of [0, 12, 20, raw.length - 1]) {
      const bad = Buffer.from(raw);
      bad[i] = bad[i]! ^ 1;
      assert.throws(() => keyring.decrypt(`v1.${bad.toString('base64url')}`, 'ctx'), `byte ${i}`);
    }
  });

  it('uses a fresh nonce for every encryption, across refills of the nonce pool', () => {
    const nonces = new Set<string>();
    for (let i = 0; i < 3000; i++) {
      const c = keyring.encrypt('same value', 'ctx');
      nonces.add(Buffer.from(c.slice(3), 'base64url').subarray(0, 12).toString('hex'));
    }
    assert.equal(nonces.size, 3000);
  });

  it('gives stable lookup hashes per purpose and key, revealing nothing of the value', () => {
    const h = keyring.lookupHash('document', 'C1234567');
    assert.equal(h, keyring.lookupHash('document', 'C1234567'));
    assert.notEqual(h, keyring.lookupHash('contact', 'C1234567'));
    assert.notEqual(h, other.lookupHash('document', 'C1234567'));
    assert.match(h, /^[0-9a-f]{64}$/u);
  });
});
