// Crisis rows -> the API shapes; the only way crises reach the wire.
import {
  ALERT_LEVELS,
  MICIC_PHASES,
  type AlertLevelValue,
  type AreaInput,
  type CrisisEventData,
  type Crisis,
  type CrisisArea,
  type CrisisSummary,
} from '@siaga/contracts';
import type { Selectable } from 'kysely';
import type {
  CrisisAlertLevelsTable,
  CrisisAreasTable,
  CrisisCountriesTable,
  CrisisEventsTable,
  CrisisRow,
} from '../../db/schema';

type Mission = { id: string; code: string; name: string };

/** The most severe of some levels (Siaga 1 is the most severe). */
export function mostSevere(levels: readonly string[]): AlertLevelValue {
  let best = 0;
  for (const l of levels) best = Math.max(best, ALERT_LEVELS.indexOf(l as AlertLevelValue));
  return ALERT_LEVELS[best]!;
}

export function presentSummary(
  row: CrisisRow,
  countries: Selectable<CrisisCountriesTable>[],
  areas: Selectable<CrisisAreasTable>[],
  missions: Mission[],
): CrisisSummary {
  return {
    id: row.id,
    type: row.type as CrisisSummary['type'],
    title: row.title,
    countries: JSON.parse(row.countries) as string[],
    alertLevel: mostSevere([
      ...countries.map((c) => c.alertLevel),
      ...areas.flatMap((a) => a.alertLevel ?? []),
    ]),
    phase: row.phase as CrisisSummary['phase'],
    status: row.status,
    exercise: row.exercise === 1,
    missions,
    declaredAt: row.declaredAt,
    updatedAt: row.updatedAt,
  };
}

export function presentArea(a: Selectable<CrisisAreasTable>): CrisisArea {
  const spec = JSON.parse(a.spec) as AreaInput;
  return {
    id: a.id,
    kind: a.kind,
    name: a.name,
    countries: JSON.parse(a.countries) as string[],
    center: spec.kind === 'circle' ? spec.center : null,
    radiusKm: spec.kind === 'circle' ? spec.radiusKm : null,
    code: spec.kind === 'country' ? spec.country : spec.kind === 'admin1' ? spec.code : null,
    geometry: spec.kind === 'polygon' ? spec.geometry : null,
    alertLevel: (a.alertLevel as AlertLevelValue | null) ?? null,
  };
}

export function presentCrisis(
  row: CrisisRow,
  countries: Selectable<CrisisCountriesTable>[],
  areas: Selectable<CrisisAreasTable>[],
  missions: Mission[],
  history: Selectable<CrisisAlertLevelsTable>[],
  events: Selectable<CrisisEventsTable>[],
): Crisis {
  return {
    ...presentSummary(row, countries, areas, missions),
    version: row.version,
    description: row.description,
    areas: areas.map(presentArea),
    countryLevels: countries.map((c) => ({ country: c.country, level: c.alertLevel as AlertLevelValue })),
    levelHistory: history.map((h) => ({
      country: h.country,
      areaId: h.areaId,
      level: h.level as AlertLevelValue,
      micicPhases: [...MICIC_PHASES[h.level as AlertLevelValue]],
      reason: h.reason,
      setBy: h.setBy,
      setAt: h.setAt,
    })),
    timeline: events.map((e) => ({
      id: e.id,
      kind: e.kind as Crisis['timeline'][number]['kind'],
      text: e.text,
      data: e.data ? (JSON.parse(e.data) as CrisisEventData) : null,
      author: e.author,
      at: e.at,
    })),
    hazardEventId: row.hazardEventId,
    declaredBy: row.declaredBy,
  };
}
