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

/** A personal API token for the user, made through the CLI, for seeding through the API. */
export async function apiToken(server: RunningServer, email: string): Promise<string> {
  const out = await server.cli(['token', 'create', '--email', email, '--name', 'e2e seed', '--json']);
  const { token } = JSON.parse(out.slice(out.indexOf('{'))) as { token: string };
  return token;
}

export interface PlacedPerson {
  fullName: string;
  country: string;
  city: string;
  lat: number;
  lon: number;
}

/** Registers a person at known coordinates, as an officer would (POST /api/v1/people). */
export async function registerPlacedPerson(
  server: RunningServer,
  token: string,
  { fullName, country, city, lat, lon }: PlacedPerson,
): Promise<{ id: string }> {
  const res = await fetch(`${server.baseUrl}/api/v1/people`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({
      fullName,
      sex: 'female',
      statusAbroad: 'worker',
      location: { country, city, lat, lon, source: 'officer' },
    }),
  });
  if (res.status !== 201) throw new Error(`POST /people ${res.status}: ${await res.text()}`);
  return (await res.json()) as { id: string };
}
