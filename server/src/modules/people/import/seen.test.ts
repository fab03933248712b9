// The memory of row keys and document numbers an import has met: exact for what it holds, and
// still exact after growing far past its first size.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { SeenDigests } from './seen';

const digest = (s: string) => createHash('sha256').update(s).digest('hex');

describe('SeenDigests', () => {
  it('answers the first row of each digest, and nothing for digests it has not met', () => {
    const seen = new SeenDigests(2);
    const n = 50_000;
    for (let i = 0; i < n; i++) {
      assert.equal(seen.get(digest(`A${i}`)), undefined);
      seen.add(digest(`A${i}`), i + 2);
    }
    // Adding again keeps the first row.
    seen.add(digest('A7'), 99_999);
    assert.equal(seen.get(digest('A7')), 9);
    for (let i = 0; i < n; i += 997) assert.equal(seen.get(digest(`A${i}`)), i + 2);
    for (let i = 0; i < 1000; i++) assert.equal(seen.get(digest(`B${i}`)), undefined);
  });
});
