// Failure counting with lockout and exponential backoff, shared by sign-in (keyed by the email's
// keyed hash, known account or not), the TOTP step and password changes (keyed by user).
import { AppError } from '../../errors';
import type { Executor } from '../../db/client';
import * as authRepo from '../../platform/auth/auth.repo';
import type { Deps } from '../../platform/context';

export async function assertNotLocked(deps: Deps, key: string) {
  const t = await authRepo.findThrottle(deps.db, key);
  const now = deps.now();
  if (t?.lockedUntil && new Date(t.lockedUntil) > now) {
    const seconds = Math.ceil((new Date(t.lockedUntil).getTime() - now.getTime()) / 1000);
    throw new AppError('auth.locked', 429, 'Too many failed attempts; try again later', undefined, {
      'retry-after': String(seconds),
    });
  }
}

/** No lockout lasts longer than this, however often it repeats. */
export const MAX_LOCKOUT_MINUTES = 24 * 60;

/** Counts a failure; after maxFailures in a row the key is locked, each lockout twice as long (max 24 h). */
export async function recordFailure(deps: Deps, ex: Executor, key: string) {
  const t = await authRepo.findThrottle(ex, key);
  const now = deps.now();
  let failures = (t?.failures ?? 0) + 1;
  let lockouts = t?.lockouts ?? 0;
  let lockedUntil: string | null = null;
  if (failures >= deps.config.login.maxFailures) {
    const minutes = Math.min(deps.config.login.lockoutMinutes * 2 ** lockouts, MAX_LOCKOUT_MINUTES);
    lockedUntil = new Date(now.getTime() + minutes * 60_000).toISOString();
    lockouts++;
    failures = 0;
  }
  await authRepo.upsertThrottle(ex, { key, failures, lockouts, lockedUntil, updatedAt: now.toISOString() });
}

export const clearFailures = (ex: Executor, key: string) => authRepo.clearThrottle(ex, key);

export const totpThrottleKey = (deps: Deps, userId: string) => deps.keyring.lookupHash('totp', userId);
export const passwordThrottleKey = (deps: Deps, userId: string) =>
  deps.keyring.lookupHash('password', userId);
