// Loads the demo directory (missions and partners), skipping what already exists.
import { MissionCreate, OrganisationCreate } from '@siaga/contracts';
import { AppError } from '../errors';
import * as missions from '../modules/missions/missions.service';
import * as organisations from '../modules/organisations/organisations.service';
import { systemContext, type Deps } from '../platform/context';
import { DEMO_MISSIONS, DEMO_PARTNERS } from './missions';

export async function seedDemo(deps: Deps) {
  let added = 0;
  for (const m of DEMO_MISSIONS) {
    try {
      await missions.createMission(deps, systemContext('demo'), MissionCreate.parse(m));
      added++;
    } catch (err) {
      if (!(err instanceof AppError && err.code === 'mission.code_taken')) throw err;
    }
  }
  let partners = 0;
  for (const p of DEMO_PARTNERS) {
    try {
      await organisations.createOrganisation(deps, systemContext('demo'), OrganisationCreate.parse(p));
      partners++;
    } catch (err) {
      if (!(err instanceof AppError && err.code === 'organisation.name_taken')) throw err;
    }
  }
  return { missions: added, partners };
}
