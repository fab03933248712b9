// Accounts and missions several test files start from, created through the CLI.
import type { RunningServer } from './server';

export interface Account {
  email: string;
  password: string;
}

/** The headquarters administrator most files sign in as. */
export const ADMIN: Account = { email: 'admin@kemlu.example', password: 'correct horse battery staple' };

export const createAdmin = (server: RunningServer) =>
  server.createUser(ADMIN.email, 'hq_admin', ADMIN.password);

export interface MissionSeed {
  code: string;
  name: string;
  kind: 'embassy' | 'consulate' | 'office';
  city: string;
  /** Comma-separated ISO codes. */
  countries: string;
  hotline: string;
  address: string;
}

export const KBRI_KUALA_LUMPUR: MissionSeed = {
  code: 'KBRI-KUALA-LUMPUR',
  name: 'KBRI Kuala Lumpur',
  kind: 'embassy',
  city: 'Kuala Lumpur',
  countries: 'MY',
  hotline: '+60321164000',
  address: 'Jalan Tun Razak 233, Kuala Lumpur',
};

/** Creates the mission through the CLI: each field but the code goes as the flag of its name. */
export function createMission(server: RunningServer, { code, ...fields }: MissionSeed) {
  return server.createMission(
    code,
    Object.entries(fields).flatMap(([flag, value]) => [`--${flag}`, value]),
  );
}
