// Which mission is responsible for a place: the one whose jurisdiction names the place's admin-1
// area, else one covering the whole country, else (the area unknown or unclaimed) the country's
// embassy or office before its consulates. Ties go to the lowest code, so the answer is stable.
import type { Jurisdiction } from '@siaga/contracts';

export interface MissionCoverage {
  id: string;
  code: string;
  kind: 'embassy' | 'consulate' | 'office';
  countries: string[];
  jurisdictions: Jurisdiction[];
}

export interface Place {
  country: string;
  adminArea?: string | null | undefined;
}

// An office such as KDEI Taipei acts as the embassy where there is none.
const KIND_RANK = { embassy: 0, office: 1, consulate: 2 } as const;

/** How closely a mission claims the place: 3 names its area, 2 the whole country, 1 only lists the country, 0 not at all. */
function claim(m: MissionCoverage, place: Place): number {
  const entry = m.jurisdictions.find((j) => j.country === place.country);
  if (entry) {
    if (!entry.adminAreas || entry.adminAreas.length === 0) return 2;
    if (place.adminArea && entry.adminAreas.includes(place.adminArea)) return 3;
    // The mission serves only some areas of this country; with the area unknown it is still a
    // candidate, after missions that claim the whole country.
    return place.adminArea ? 0 : 1;
  }
  return m.countries.includes(place.country) ? 1 : 0;
}

export function responsibleMission<M extends MissionCoverage>(
  missions: readonly M[],
  place: Place,
): M | null {
  let best: M | null = null;
  let bestScore = 0;
  for (const m of missions) {
    const score = claim(m, place);
    if (score === 0) continue;
    if (
      !best ||
      score > bestScore ||
      (score === bestScore &&
        (KIND_RANK[m.kind] < KIND_RANK[best.kind] ||
          (KIND_RANK[m.kind] === KIND_RANK[best.kind] && m.code < best.code)))
    ) {
      best = m;
      bestScore = score;
    }
  }
  if (best || !place.adminArea) return best;
  // An area no mission names (a new province code, say): fall back to the country as a whole.
  return responsibleMission(missions, { country: place.country });
}
