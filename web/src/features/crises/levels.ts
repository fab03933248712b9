// The ministry's alert levels (Siaga 3 → Siaga 1) beside the MICIC four-phase scale they map to,
// with the colours every map and badge uses for them.
import { ALERT_LEVELS, MICIC_PHASES, type AlertLevelValue } from '@siaga/contracts';

export const LEVEL_COLORS: Record<AlertLevelValue, string> = {
  normal: '#5b7083',
  siaga_3: '#e6b400',
  siaga_2: '#e8740c',
  siaga_1: '#c62828',
};

/** Higher is more severe. */
export const severityOf = (level: AlertLevelValue) => ALERT_LEVELS.indexOf(level);

export const mostSevere = (levels: readonly AlertLevelValue[], fallback: AlertLevelValue = 'normal') =>
  levels.reduce((a, b) => (severityOf(b) > severityOf(a) ? b : a), fallback);

export const micicPhasesOf = (level: AlertLevelValue): readonly number[] => MICIC_PHASES[level];

/** A MapLibre expression choosing the level's colour from a feature's "level" property. */
export const levelColorExpression = [
  'match',
  ['get', 'level'],
  'siaga_1',
  LEVEL_COLORS.siaga_1,
  'siaga_2',
  LEVEL_COLORS.siaga_2,
  'siaga_3',
  LEVEL_COLORS.siaga_3,
  LEVEL_COLORS.normal,
] as const;
