// What each role may do in the registry, mirroring the server's people policy so that the console
// only offers what the server will allow. The server decides in the end.
import type { Role } from '@siaga/contracts';

const READ: readonly Role[] = ['hq_admin', 'hq_officer', 'mission_officer', 'viewer'];
const WORK: readonly Role[] = ['hq_admin', 'hq_officer', 'mission_officer'];

export const peopleAccess = (role: Role) => ({
  read: READ.includes(role),
  /** Register, change, erase, reveal sensitive fields, export and import. */
  write: WORK.includes(role),
  reveal: WORK.includes(role),
  export: WORK.includes(role),
  import: WORK.includes(role),
});
