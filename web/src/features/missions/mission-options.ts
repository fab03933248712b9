// The missions a user is offered in a form or filter.
import type { Me, Mission } from '@siaga/contracts';
import type { Option } from '../../components/Field';

/** Mission officers work for their own missions only: offer only those. */
export const selectableMissions = (me: Me, missions: Mission[] | null): Mission[] =>
  me.role === 'mission_officer'
    ? (missions ?? []).filter((m) => me.missionCodes.includes(m.code))
    : (missions ?? []);

/**
 * The missions as options after a first one for "none" or "any". A chosen mission not among them
 * (not loaded yet, or one the user cannot pick) stays shown.
 */
export function missionOptions(
  missions: Mission[],
  value: string,
  first: string,
  label: (m: Mission) => string,
): Option[] {
  return [
    { value: '', label: first },
    ...missions.map((m) => ({ value: m.code, label: label(m) })),
    ...(value && !missions.some((m) => m.code === value) ? [{ value, label: value }] : []),
  ];
}
