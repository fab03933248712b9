// An alert level as a coloured badge (Siaga 3 yellow, Siaga 2 orange, Siaga 1 red), optionally
// with the MICIC phases it corresponds to.
import type { AlertLevelValue } from '@siaga/contracts';
import { useTranslation } from 'react-i18next';
import { micicPhasesOf } from './levels';

export function useLevelText() {
  const { t } = useTranslation();
  return {
    name: (level: AlertLevelValue) => t(`alertLevels.${level}`),
    /** "MICIC 3–4" */
    short: (level: AlertLevelValue) => {
      const p = micicPhasesOf(level);
      return p.length === 0 ? '' : t('micic.short', { phases: p.join('–') });
    },
    /** "Phase 3: voluntary relocation / Phase 4: mandatory evacuation" */
    phases: (level: AlertLevelValue) =>
      micicPhasesOf(level)
        .map((p) => t(`micic.phase${p}`))
        .join(' / ') || t('micic.none'),
  };
}

interface LevelBadgeProps {
  level: AlertLevelValue;
  /** Show the MICIC phases beside the badge. */
  phases?: boolean | 'short';
  testId?: string;
}

export function LevelBadge({ level, phases = false, testId }: LevelBadgeProps) {
  const text = useLevelText();
  return (
    <span className="level-wrap" data-testid={testId} data-level={level}>
      <span className={`level level--${level}`} title={text.phases(level)}>
        {text.name(level)}
      </span>
      {phases === 'short' && text.short(level) && <span className="level-phase">{text.short(level)}</span>}
      {phases === true && <span className="level-phase">{text.phases(level)}</span>}
    </span>
  );
}
