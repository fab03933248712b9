// Keys derived from the one secret key: encryption of sensitive fields at rest (AES-256-GCM),
// keyed hashes for exact lookup without storing plaintext, and the audit chain's MAC key.
import {
  createCipheriv,
  createDecipheriv,
  createHash,
  createHmac,
  hkdfSync,
  randomBytes,
  timingSafeEqual,
} from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Config } from '../config';

export interface Keyring {
  encrypt(plaintext: string, context: string): string;
  decrypt(ciphertext: string, context: string): string;
  /** Deterministic keyed hash for exact-match lookups (emails, document numbers, phones). */
  lookupHash(purpose: string, value: string): string;
  /** MAC over an audit entry, chained to the previous one. */
  auditMac(data: string): string;
}

// Nonces come from the system's CSPRNG in blocks: one call per 1,024 encryptions instead of one
// each, which matters when an import encrypts millions of fields. Every nonce is still 12 fresh
// random bytes, used once.
const IV_BYTES = 12;
const IV_BLOCK = IV_BYTES * 1024;
let ivPool = Buffer.alloc(0);
let ivOffset = IV_BLOCK;
function nextIv(): Buffer {
  if (ivOffset >= ivPool.length) {
    ivPool = randomBytes(IV_BLOCK);
    ivOffset = 0;
  }
  ivOffset += IV_BYTES;
  return ivPool.subarray(ivOffset - IV_BYTES, ivOffset);
}

const derive = (master: Buffer, info: string) =>
  Buffer.from(hkdfSync('sha256', master, Buffer.alloc(0), info, 32));

export function createKeyring(secretKeyBase64: string): Keyring {
  const master = Buffer.from(secretKeyBase64, 'base64');
  if (master.length !== 32) throw new Error('The secret key must be 32 bytes');
  const encKey = derive(master, 'siaga/encrypt/v1');
  const lookupKey = derive(master, 'siaga/lookup/v1');
  const auditKey = derive(master, 'siaga/audit/v1');
  return {
    encrypt(plaintext, context) {
      const iv = nextIv();
      const cipher = createCipheriv('aes-256-gcm', encKey, iv);
      cipher.setAAD(Buffer.from(context));
      const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
      return `v1.${Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url')}`;
    },
    decrypt(ciphertext, context) {
      if (!ciphertext.startsWith('v1.')) throw new Error('Unknown ciphertext version');
      const raw = Buffer.from(ciphertext.slice(3), 'base64url');
      const decipher = createDecipheriv('aes-256-gcm', encKey, raw.subarray(0, 12));
      decipher.setAAD(Buffer.from(context));
      decipher.setAuthTag(raw.subarray(12, 28));
      return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
    },
    lookupHash(purpose, value) {
      return createHmac('sha256', lookupKey).update(`${purpose}\0${value}`).digest('hex');
    },
    auditMac(data) {
      return createHmac('sha256', auditKey).update(data).digest('hex');
    },
  };
}

/**
 * The secret key from the environment, or in development and tests one generated once into the
 * data directory and kept there (mode 0600). Production refuses to start without it (config.ts).
 */
export function resolveSecretKey(config: Config): string {
  if (config.secretKey) return config.secretKey;
  const file = path.join(config.dataDir, 'secret.key');
  try {
    return fs.readFileSync(file, 'utf8').trim();
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  fs.mkdirSync(config.dataDir, { recursive: true });
  const key = randomBytes(32).toString('base64');
  try {
    fs.writeFileSync(file, `${key}\n`, { mode: 0o600, flag: 'wx' });
    return key;
  } catch (err) {
    // Another process created it first: use theirs.
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return fs.readFileSync(file, 'utf8').trim();
    throw err;
  }
}

export const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');
export const randomToken = (bytes = 32) => randomBytes(bytes).toString('base64url');

export function safeEqual(a: string, b: string): boolean {
  const ab = Buffer.from(a);
  const bb = Buffer.from(b);
  return ab.length === bb.length && timingSafeEqual(ab, bb);
}
