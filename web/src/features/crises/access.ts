// What each role may do with crises and hazard events, mirroring the server's policies so that the
// console offers only what the server will allow. Partners see neither. The server decides in the end.
import type { Role } from '@siaga/contracts';

const READ: readonly Role[] = ['hq_admin', 'hq_officer', 'mission_officer', 'viewer'];
const WORK: readonly Role[] = ['hq_admin', 'hq_officer', 'mission_officer'];

export const crisesAccess = (role: Role) => ({
  read: READ.includes(role),
  /** Declare, change levels, phase and status, write in the timeline; adjust and promote hazards, import feeds. */
  write: WORK.includes(role),
  /** The affected people one by one (list, GeoJSON): viewers see the counts only. */
  people: WORK.includes(role),
});
