// Who is affected: people inside by their own location, those placed only by their city's centre,
// those known only by country, households, and the breakdowns by mission, status, vulnerability
// (for roles that may see them), country and city.
import type { AffectedCounts } from '@siaga/contracts';
import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '../../components/Notice';
import { useFormat } from '../people/format';

interface Props {
  counts: AffectedCounts | null;
  busy?: boolean;
  error?: unknown;
  /** Shown when there is nothing to count yet. */
  empty?: string;
}

function Breakdown({ title, rows, testId }: { title: string; rows: [string, number][]; testId: string }) {
  const f = useFormat();
  if (rows.length === 0) return null;
  return (
    <div className="breakdown" data-testid={testId}>
      <h3>{title}</h3>
      <dl className="breakdown__rows">
        {rows.map(([label, n]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd className="num">{f.number(n)}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}

const sorted = (rec: Record<string, number> | null | undefined, label: (k: string) => string = (k) => k) =>
  Object.entries(rec ?? {})
    .filter(([, n]) => n > 0)
    .sort((a, b) => b[1] - a[1])
    .map(([k, n]): [string, number] => [label(k), n]);

export function AffectedCountsPanel({ counts, busy = false, error = null, empty }: Props) {
  const { t } = useTranslation();
  const f = useFormat();
  const missions = new Map((counts?.missions ?? []).map((m) => [m.id, m]));
  const stat = (key: string, value: number | undefined, testId: string, strong = false) => (
    <div className={strong ? 'stats__main' : undefined}>
      <dt>{t(`affected.${key}`)}</dt>
      <dd data-testid={testId} data-value={value ?? ''}>
        {value === undefined ? '—' : f.number(value)}
      </dd>
    </div>
  );
  return (
    <section
      className="affected"
      aria-labelledby="affected-title"
      data-state={busy ? 'loading' : 'done'}
      aria-busy={busy}
    >
      <h2 id="affected-title">
        {t('affected.title')} {busy && <span className="muted affected__busy">{t('affected.updating')}</span>}
      </h2>
      <ErrorNotice error={error} />
      {!counts && !error && empty && <p className="muted">{empty}</p>}
      <dl className="stats stats--affected" aria-live="polite">
        {stat('inside', counts?.inside, 'affected-inside', true)}
        {stat('locatedByCity', counts?.locatedByCity, 'affected-by-city')}
        {stat('locatedByCountry', counts?.locatedByCountry, 'affected-by-country')}
        {stat('households', counts?.households, 'affected-households')}
      </dl>
      {counts && (
        <>
          <p className="field__hint">{t('affected.hint')}</p>
          <Breakdown
            title={t('affected.byMission')}
            testId="affected-by-mission"
            rows={sorted(counts.byMission, (id) => {
              const m = missions.get(id);
              return m ? `${m.code} · ${m.name}` : t('affected.noMission');
            })}
          />
          <Breakdown
            title={t('affected.byStatus')}
            testId="affected-by-status"
            rows={sorted(counts.byStatus, (s) => t(`statusAbroad.${s}`))}
          />
          {counts.byVulnerability && (
            <Breakdown
              title={t('affected.byVulnerability')}
              testId="affected-by-vulnerability"
              rows={sorted(counts.byVulnerability, (v) => t(`vulnerabilities.${v}`))}
            />
          )}
          <Breakdown
            title={t('affected.byCountry')}
            testId="affected-by-country-list"
            rows={sorted(counts.byCountry, (c) => f.country(c))}
          />
          <Breakdown
            title={t('affected.byAdminArea')}
            testId="affected-by-admin"
            rows={sorted(counts.byAdminArea).slice(0, 10)}
          />
          <Breakdown
            title={t('affected.byCity')}
            testId="affected-by-city-list"
            rows={sorted(counts.byCity).slice(0, 10)}
          />
          <p className="notice__meta">
            {t('affected.via', {
              via: t(`affected.via_${counts.via}`),
              ms: f.number(Math.round(counts.tookMs)),
            })}
          </p>
        </>
      )}
    </section>
  );
}
