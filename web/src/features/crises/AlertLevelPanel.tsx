// The alert level in force per country and per area of a crisis, a control to change one (level
// and reason, sent with the version read, so a change made meanwhile by someone else is refused),
// and the history of every change with who made it and why.
import { ALERT_LEVELS, AlertLevelSet, type AlertLevelValue, type Crisis } from '@siaga/contracts';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Field, SelectField } from '../../components/Field';
import { ErrorNotice } from '../../components/Notice';
import { SubmitButton } from '../../components/SubmitButton';
import { useErrorText } from '../../components/errors';
import { useSubmit } from '../../components/useSubmit';
import { useFormat } from '../people/format';
import { LevelBadge, useLevelText } from './LevelBadge';
import { crisesApi } from './crises.api';

interface Props {
  crisis: Crisis;
  canWrite: boolean;
  onChange: (crisis: Crisis) => void;
  onReload: () => void;
}

interface Target {
  value: string;
  label: string;
  /** An area without a level of its own follows its countries. */
  level: AlertLevelValue | null;
}

export function AlertLevelPanel({ crisis, canWrite, onChange, onReload }: Props) {
  const { t } = useTranslation();
  const f = useFormat();
  const level = useLevelText();
  const { validate } = useErrorText();
  const form = useSubmit();
  const areaName = (id: string | null) =>
    crisis.areas.find((a) => a.id === id)?.name || t('crisis.unnamedArea');
  const targets: Target[] = [
    ...crisis.countryLevels.map((c) => ({
      value: `country:${c.country}`,
      label: f.country(c.country),
      level: c.level,
    })),
    ...crisis.areas.map((a) => ({ value: `area:${a.id}`, label: areaName(a.id), level: a.alertLevel })),
  ];
  const [target, setTarget] = useState(targets[0]?.value ?? '');
  const [next, setNext] = useState<AlertLevelValue>('siaga_2');
  const [reason, setReason] = useState('');

  const submit = (event: FormEvent) => {
    const [kind, id = ''] = target.split(/:(.*)/s);
    const body = {
      ...(kind === 'country' ? { country: id } : { areaId: id }),
      level: next,
      reason,
      version: crisis.version,
    };
    return form.submit(event, validate(AlertLevelSet, body), async (data) => {
      onChange(await crisesApi.setAlertLevel(crisis.id, data));
      setReason('');
    });
  };
  const history = [...crisis.levelHistory].sort((a, b) => b.setAt.localeCompare(a.setAt));
  const where = (e: { country: string | null; areaId: string | null }) =>
    e.country ? f.country(e.country) : e.areaId ? areaName(e.areaId) : t('crisis.wholeCrisis');

  return (
    <section className="crisis-card" aria-labelledby="levels-title" data-testid="alert-levels">
      <h2 id="levels-title">{t('crisis.levelsTitle')}</h2>
      <ul className="level-targets" data-testid="level-targets">
        {targets.map((x) => (
          <li key={x.value} data-target={x.value}>
            <span>{x.label}</span>{' '}
            {x.level ? (
              <LevelBadge level={x.level} phases="short" />
            ) : (
              <span className="muted">{t('crisis.followsCountry')}</span>
            )}
          </li>
        ))}
      </ul>
      {canWrite && targets.length > 0 && (
        <form className="form-grid level-form" onSubmit={submit} noValidate data-testid="level-form">
          <ErrorNotice error={form.error} onReload={onReload} />
          <SelectField
            label={t('crisis.levelTarget')}
            name="levelTarget"
            value={target}
            onChange={setTarget}
            options={targets.map((x) => ({
              value: x.value,
              label: x.level ? `${x.label} · ${level.name(x.level)}` : x.label,
            }))}
            error={form.errors.country ?? form.errors.areaId}
          />
          <SelectField
            label={t('crisis.newLevel')}
            name="level"
            hint={level.phases(next)}
            value={next}
            onChange={(v) => setNext(v as AlertLevelValue)}
            options={ALERT_LEVELS.map((l) => ({
              value: l,
              label: [level.name(l), level.short(l)].filter(Boolean).join(' · '),
            }))}
            error={form.errors.level}
          />
          <Field label={t('crisis.levelReason')} error={form.errors.reason}>
            {(control) => (
              <textarea
                {...control}
                name="reason"
                rows={2}
                value={reason}
                onChange={(e) => setReason(e.target.value)}
              />
            )}
          </Field>
          <div className="form-actions">
            <SubmitButton label={t('crisis.setLevel')} busy={form.busy} />
          </div>
        </form>
      )}
      <h3>{t('crisis.levelHistory')}</h3>
      {history.length === 0 && <p className="muted">{t('crisis.noHistory')}</p>}
      <ol className="level-history" data-testid="level-history">
        {history.map((e, i) => (
          <li key={`${e.setAt}-${i}`} data-level={e.level}>
            <div className="level-history__head">
              <LevelBadge level={e.level} /> <strong>{where(e)}</strong>{' '}
              <span className="muted">
                {e.micicPhases.length > 0 && t('micic.short', { phases: e.micicPhases.join('–') })}
              </span>
            </div>
            <p className="level-history__reason">{e.reason}</p>
            <p className="notice__meta">
              <time dateTime={e.setAt}>{f.dateTime(e.setAt)}</time> · {e.setBy}
            </p>
          </li>
        ))}
      </ol>
    </section>
  );
}
