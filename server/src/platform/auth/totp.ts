// RFC 6238 time-based one-time passwords (30 s, 6 digits, SHA-1: what authenticator apps expect).
import { Secret, TOTP } from 'otpauth';

export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

export function totpUrl(secretBase32: string, account: string): string {
  return new TOTP({ issuer: 'Siaga', label: account, secret: Secret.fromBase32(secretBase32) }).toString();
}

const PERIOD_MS = 30_000;

/**
 * The 30-second time step the code belongs to, accepting one step either side for clock drift,
 * or null for a wrong code. Callers accept each step at most once per user (no replay).
 */
export function totpStep(secretBase32: string, code: string, at: Date): number | null {
  const delta = TOTP.validate({
    token: code,
    secret: Secret.fromBase32(secretBase32),
    timestamp: at.getTime(),
    window: 1,
  });
  return delta === null ? null : Math.floor(at.getTime() / PERIOD_MS) + delta;
}
