// Moving a crisis on: its phase (preparedness, emergency response, post-crisis) and its status
// (monitoring, active, closed), with a reason kept in the timeline beside the change.
import { CRISIS_PHASES, CRISIS_STATUSES, CrisisUpdate, type Crisis } from '@siaga/contracts';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { SelectField, TextField } from '../../components/Field';
import { ErrorNotice } from '../../components/Notice';
import { SubmitButton } from '../../components/SubmitButton';
import { useErrorText } from '../../components/errors';
import { useChoices } from '../../components/options';
import { useSubmit } from '../../components/useSubmit';
import { crisesApi } from './crises.api';

interface Props {
  crisis: Crisis;
  onChange: (crisis: Crisis) => void;
  onReload: () => void;
}

export function CrisisStatusPanel({ crisis, onChange, onReload }: Props) {
  const { t } = useTranslation();
  const choices = useChoices();
  const { validate } = useErrorText();
  const form = useSubmit();
  const [phase, setPhase] = useState<string>(crisis.phase);
  const [status, setStatus] = useState<string>(crisis.status);
  const [reason, setReason] = useState('');
  const changed = phase !== crisis.phase || status !== crisis.status;

  const submit = (event: FormEvent) => {
    const body = {
      version: crisis.version,
      ...(phase !== crisis.phase ? { phase } : {}),
      ...(status !== crisis.status ? { status } : {}),
      ...(reason.trim() ? { reason } : {}),
    };
    return form.submit(event, validate(CrisisUpdate, body), async (data) => {
      const saved = await crisesApi.update(crisis.id, data);
      onChange(saved);
      setPhase(saved.phase);
      setStatus(saved.status);
      setReason('');
    });
  };

  return (
    <section className="crisis-card" aria-labelledby="status-title">
      <h2 id="status-title">{t('crisis.statusTitle')}</h2>
      <form className="form-grid" onSubmit={submit} noValidate data-testid="status-form">
        <ErrorNotice error={form.error} onReload={onReload} />
        <SelectField
          label={t('crisis.phase')}
          name="phase"
          value={phase}
          onChange={setPhase}
          options={choices('crisisPhases', CRISIS_PHASES)}
          error={form.errors.phase}
        />
        <SelectField
          label={t('crisis.status')}
          name="status"
          value={status}
          onChange={setStatus}
          options={choices('crisisStatuses', CRISIS_STATUSES)}
          error={form.errors.status}
        />
        <div className="form-grid__full">
          <TextField
            label={t('crisis.changeReason')}
            name="statusReason"
            value={reason}
            onChange={setReason}
            error={form.errors.reason}
          />
        </div>
        <div className="form-actions">
          {changed && <SubmitButton label={t('common.save')} busy={form.busy} />}
        </div>
      </form>
    </section>
  );
}
