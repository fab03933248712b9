// The details of a crisis being declared: type, title, description, countries (prefilled from the
// areas until the officer edits them), the alert level for every country with its MICIC phases,
// the phase and the status. Messages appear beside the field at fault.
import {
  ALERT_LEVELS,
  CRISIS_PHASES,
  CRISIS_STATUSES,
  CRISIS_TYPES,
  type AlertLevelValue,
  type CrisisCreateInput,
} from '@siaga/contracts';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CheckField, Field, SelectField, TextField } from '../../components/Field';
import { ErrorNotice } from '../../components/Notice';
import { SubmitButton } from '../../components/SubmitButton';
import { errorAt, type FieldErrors } from '../../components/errors';
import { useChoices } from '../../components/options';
import { useLevelText } from './LevelBadge';

export interface CrisisDraft {
  type: string;
  title: string;
  description: string;
  countries: string;
  alertLevel: AlertLevelValue;
  phase: string;
  status: string;
  exercise: boolean;
}

export const EMPTY_CRISIS: CrisisDraft = {
  type: 'armed_conflict',
  title: '',
  description: '',
  countries: '',
  alertLevel: 'siaga_3',
  phase: 'emergency_response',
  status: 'active',
  exercise: false,
};

/** "my, sg;th" → ["MY", "SG", "TH"] */
export const parseCodes = (typed: string) =>
  typed
    .toUpperCase()
    .split(/[\s,;]+/)
    .filter(Boolean);

export const createBody = (d: CrisisDraft, areas: CrisisCreateInput['areas']): CrisisCreateInput => ({
  type: d.type as CrisisCreateInput['type'],
  title: d.title,
  description: d.description,
  countries: [...new Set(parseCodes(d.countries))],
  areas,
  alertLevel: d.alertLevel,
  phase: d.phase as CrisisCreateInput['phase'],
  status: d.status as CrisisCreateInput['status'],
  exercise: d.exercise,
});

interface Props {
  draft: CrisisDraft;
  onChange: (draft: CrisisDraft, touched?: 'countries') => void;
  errors: FieldErrors;
  error: unknown;
  busy: boolean;
  onSubmit: (event: FormEvent) => void;
}

export function CrisisForm({ draft, onChange, errors, error, busy, onSubmit }: Props) {
  const { t } = useTranslation();
  const choices = useChoices();
  const level = useLevelText();
  const set =
    <K extends keyof CrisisDraft>(key: K) =>
    (value: CrisisDraft[K]) =>
      onChange({ ...draft, [key]: value });
  return (
    <form className="form-grid" onSubmit={onSubmit} noValidate data-testid="crisis-form">
      <ErrorNotice error={error} />
      <SelectField
        label={t('crisis.type')}
        name="type"
        value={draft.type}
        onChange={set('type')}
        options={choices('crisisTypes', CRISIS_TYPES)}
        error={errors.type}
      />
      <TextField
        label={t('crisis.titleField')}
        name="title"
        value={draft.title}
        onChange={set('title')}
        error={errors.title}
        maxLength={200}
        required
      />
      <Field label={t('crisis.description')} error={errors.description}>
        {(control) => (
          <textarea
            {...control}
            name="description"
            rows={3}
            value={draft.description}
            onChange={(e) => set('description')(e.target.value)}
          />
        )}
      </Field>
      <TextField
        label={t('crisis.countries')}
        name="countries"
        hint={t('crisis.countriesHint')}
        placeholder="MY, SG"
        value={draft.countries}
        onChange={(v) => onChange({ ...draft, countries: v.toUpperCase() }, 'countries')}
        error={errorAt(errors, 'countries')}
      />
      <SelectField
        label={t('crisis.alertLevel')}
        name="alertLevel"
        hint={level.phases(draft.alertLevel)}
        value={draft.alertLevel}
        onChange={(v) => set('alertLevel')(v as AlertLevelValue)}
        options={ALERT_LEVELS.map((l) => ({
          value: l,
          label: [level.name(l), level.short(l)].filter(Boolean).join(' · '),
        }))}
        error={errors.alertLevel}
      />
      <SelectField
        label={t('crisis.phase')}
        name="phase"
        value={draft.phase}
        onChange={set('phase')}
        options={choices('crisisPhases', CRISIS_PHASES)}
        error={errors.phase}
      />
      <SelectField
        label={t('crisis.status')}
        name="status"
        value={draft.status}
        onChange={set('status')}
        options={choices('crisisStatuses', CRISIS_STATUSES)}
        error={errors.status}
      />
      <div className="form-grid__full">
        <CheckField
          label={t('crisis.exercise')}
          name="exercise"
          checked={draft.exercise}
          onChange={set('exercise')}
        />
      </div>
      <div className="form-actions">
        <SubmitButton label={t('crisisNew.declare')} busy={busy} />
      </div>
    </form>
  );
}
