// Password hashing with argon2id (the library's default algorithm; tests assert the $argon2id$
// prefix), one-time passwords for new and reset accounts, and a constant-work check for unknown users.
import { hash, verify } from '@node-rs/argon2';
import { randomInt } from 'node:crypto';

export interface PasswordHasher {
  hash(password: string): Promise<string>;
  verify(hashed: string, password: string): Promise<boolean>;
  /** Burns the same work as a real verification, so unknown emails answer as slowly as known ones. */
  verifyDummy(password: string): Promise<void>;
}

export function createPasswordHasher(memoryKib: number): PasswordHasher {
  const options = { memoryCost: memoryKib, timeCost: 2, parallelism: 1 };
  let dummy: Promise<string> | null = null;
  return {
    hash: (password) => hash(password, options),
    verify: async (hashed, password) => {
      try {
        return await verify(hashed, password);
      } catch {
        return false;
      }
    },
    async verifyDummy(password) {
      dummy ??= hash('siaga-dummy-password', options);
      await verify(await dummy, password).catch(() => false);
    },
  };
}

// No look-alike characters (0/O, 1/l/I): these are read aloud over the phone in a crisis room.
const ALPHABET = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** A one-time password of four dash-separated groups: about 93 bits. */
export function generateOneTimePassword(): string {
  const group = () => Array.from({ length: 4 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
  return [group(), group(), group(), group()].join('-');
}
