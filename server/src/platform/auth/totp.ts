// RFC 6238 time-based one-time passwords (30 s, 6 digits, SHA-1: what authenticator apps expect).
import { Secret, TOTP } from 'otpauth';

export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

export function totpUrl(secretBase32: string, account: string): string {
  return new TOTP({ issuer: 'Siaga', label: account, secret: Secret.fromBase32(secretBase32) }).toString();
}

/** Accepts the current code and one step either side, for clock drift. */
export function checkTotp(secretBase32: string, code: string, at: Date): boolean {
  const delta = TOTP.validate({
    token: code,
    secret: Secret.fromBase32(secretBase32),
    timestamp: at.getTime(),
    window: 1,
  });
  return delta !== null;
}

export function currentTotp(secretBase32: string, at: Date): string {
  return TOTP.generate({ secret: Secret.fromBase32(secretBase32), timestamp: at.getTime() });
}
