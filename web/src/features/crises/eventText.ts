// A timeline entry said in the reader's language. The server keeps an English line for logs in
// `text` and the particulars in `data`; the console builds its own sentence from the particulars,
// with the labels it already uses for types, levels, phases, statuses and countries. Notes and
// decisions are the officer's own words, and entries from older servers carry no particulars:
// both are shown as written.
import { ALERT_LEVELS, type AlertLevelValue, type Crisis, type CrisisEvent } from '@siaga/contracts';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../people/format';
import { useLevelText } from './LevelBadge';

/** The label of each field a "details" entry may name. */
const FIELD_LABELS: Record<string, string> = {
  title: 'crisis.titleField',
  description: 'crisis.description',
  type: 'crisis.type',
  countries: 'crisis.countries',
  phase: 'crisis.phase',
  status: 'crisis.status',
  areas: 'crisisEvents.areas',
};

const lowerFirst = (s: string, locale: string) => s.charAt(0).toLocaleLowerCase(locale) + s.slice(1);

const isLevel = (value: unknown): value is AlertLevelValue =>
  typeof value === 'string' && (ALERT_LEVELS as readonly string[]).includes(value);

export function useEventText(crisis: Pick<Crisis, 'areas'>) {
  const { t } = useTranslation();
  const f = useFormat();
  const levelText = useLevelText();

  /** A value's label in a group ("crisisPhases.post_crisis"), or the value itself if unknown,
   * begun in lower case to sit inside a sentence ("tanggap darurat"). */
  const label = (group: string, value: string) =>
    lowerFirst(t(`${group}.${value}`, { defaultValue: value }), f.locale);
  const list = (items: string[]) => {
    try {
      return new Intl.ListFormat(f.locale, { type: 'conjunction' }).format(items);
    } catch {
      return items.join(', ');
    }
  };
  /** "Siaga 1 (MICIC 3–4)"; "Normal" has no MICIC phase. */
  const level = (value: string) => {
    if (!isLevel(value)) return value;
    const micic = levelText.short(value);
    return micic ? `${levelText.name(value)} (${micic})` : levelText.name(value);
  };
  /** An area named by id or by name; an unnamed one is said to be so. */
  const areaName = (value: string) =>
    (crisis.areas.find((a) => a.id === value)?.name ?? value) || t('crisis.unnamedArea');
  const fieldName = (field: string) => {
    const key = FIELD_LABELS[field];
    return key ? lowerFirst(t(key), f.locale) : field;
  };

  /** The sentence for an entry with particulars, or null when there is nothing to build it from. */
  const sentence = (e: CrisisEvent): string | null => {
    const d = e.data;
    if (!d) return null;
    switch (e.kind) {
      case 'declared': {
        if (!d.type || !d.level) return null;
        const what = { type: label('crisisTypes', d.type), level: level(d.level) };
        const main = d.countries?.length
          ? t('crisisTimeline.declaredIn', { ...what, countries: list(d.countries.map(f.country)) })
          : t('crisisTimeline.declared', what);
        const areas = !d.areas
          ? ''
          : d.areas === 1
            ? t('crisisTimeline.declaredAreasOne')
            : t('crisisTimeline.declaredAreas', { n: f.number(d.areas) });
        return [main, areas].filter(Boolean).join(' ');
      }
      case 'alert_level': {
        if (!d.level) return null;
        const where = d.country ? f.country(d.country) : d.area !== undefined ? areaName(d.area) : null;
        return where
          ? t('crisisTimeline.alertLevel', { where, level: level(d.level) })
          : t('crisisTimeline.alertLevelAll', { level: level(d.level) });
      }
      case 'phase':
        if (!d.from || !d.to) return null;
        return t('crisisTimeline.phase', {
          from: label('crisisPhases', d.from),
          to: label('crisisPhases', d.to),
        });
      case 'status':
        if (!d.from || !d.to) return null;
        return t('crisisTimeline.status', {
          from: label('crisisStatuses', d.from),
          to: label('crisisStatuses', d.to),
        });
      case 'areas':
        if (d.areas === undefined) return null;
        return d.areas === 0
          ? t('crisisTimeline.areasCleared')
          : d.areas === 1
            ? t('crisisTimeline.areasRedrawnOne')
            : t('crisisTimeline.areasRedrawn', { n: f.number(d.areas) });
      case 'details': {
        const countries = d.countries?.length ? d.countries : null;
        const fields = (d.fields ?? []).filter((x) => !(x === 'countries' && countries));
        const parts = [
          fields.length ? t('crisisTimeline.changed', { fields: list(fields.map(fieldName)) }) : '',
          countries ? t('crisisTimeline.countries', { countries: list(countries.map(f.country)) }) : '',
        ].filter(Boolean);
        return parts.length ? parts.join(' ') : null;
      }
      default:
        return null;
    }
  };

  /** What the timeline shows for an entry: the sentence and its reason, or the text as written. */
  return (e: CrisisEvent): string => {
    const said = sentence(e);
    if (said === null) return e.text;
    const reason = e.data?.reason?.trim();
    return reason ? `${said}\n${t('crisisTimeline.reason', { reason })}` : said;
  };
}
