// A short form asking why: for revealing sensitive fields and for erasing a record. The reason is
// kept in the audit log with the action.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { TextField } from '../../components/Field';
import { ErrorNotice } from '../../components/Notice';
import { SubmitButton } from '../../components/SubmitButton';

interface ReasonFormProps {
  title: string;
  intro: string;
  submitLabel: string;
  danger?: boolean;
  testId: string;
  error: unknown;
  busy: boolean;
  onSubmit: (reason: string) => void;
  onCancel: () => void;
  onReload?: () => void;
}

export function ReasonForm(props: ReasonFormProps) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [invalid, setInvalid] = useState(false);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const r = reason.trim();
    if (r.length < 3 || r.length > 300) {
      setInvalid(true);
      return;
    }
    setInvalid(false);
    props.onSubmit(r);
  };
  return (
    <section
      className={props.danger ? 'panel panel--danger' : 'panel panel--sensitive'}
      aria-labelledby={`${props.testId}-title`}
      data-testid={props.testId}
    >
      <h2 id={`${props.testId}-title`}>{props.title}</h2>
      <p>{props.intro}</p>
      <form className="inline-form" onSubmit={submit} noValidate>
        <ErrorNotice error={props.error} onReload={props.onReload} />
        <TextField
          label={t('person.reason')}
          name="reason"
          hint={t('person.reasonHint')}
          maxLength={300}
          value={reason}
          onChange={setReason}
          error={invalid ? t('fieldErrors.reason_too_small') : undefined}
          required
          autoFocus
        />
        <div className="button-row">
          <SubmitButton
            label={props.submitLabel}
            busy={props.busy}
            className={props.danger ? 'button button--danger' : 'button button--primary'}
          />
          <button type="button" className="button button--secondary" onClick={props.onCancel}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
    </section>
  );
}
