// What happened in a crisis, newest first: its declaration, changes of level, phase, status and
// areas, and the notes and decisions officers write in it. Changes are said in the reader's
// language from their particulars; notes and decisions are shown as written.
import { CrisisNote, type Crisis } from '@siaga/contracts';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Field, SelectField } from '../../components/Field';
import { ErrorNotice } from '../../components/Notice';
import { SubmitButton } from '../../components/SubmitButton';
import { useErrorText } from '../../components/errors';
import { useSubmit } from '../../components/useSubmit';
import { useFormat } from '../people/format';
import { crisesApi } from './crises.api';
import { useEventText } from './eventText';

interface Props {
  crisis: Crisis;
  canWrite: boolean;
  onChange: (crisis: Crisis) => void;
}

export function TimelinePanel({ crisis, canWrite, onChange }: Props) {
  const { t } = useTranslation();
  const f = useFormat();
  const say = useEventText(crisis);
  const { validate } = useErrorText();
  const form = useSubmit();
  const [kind, setKind] = useState('note');
  const [text, setText] = useState('');
  const events = [...crisis.timeline].sort((a, b) => b.at.localeCompare(a.at));

  const submit = (event: FormEvent) =>
    form.submit(event, validate(CrisisNote, { kind, text }), async (data) => {
      onChange(await crisesApi.addToTimeline(crisis.id, data));
      setText('');
    });

  return (
    <section className="crisis-card" aria-labelledby="timeline-title">
      <h2 id="timeline-title">{t('crisis.timeline')}</h2>
      {canWrite && (
        <form className="form-grid" onSubmit={submit} noValidate data-testid="timeline-form">
          <ErrorNotice error={form.error} />
          <SelectField
            label={t('crisis.entryKind')}
            name="entryKind"
            value={kind}
            onChange={setKind}
            options={[
              { value: 'note', label: t('crisisEvents.note') },
              { value: 'decision', label: t('crisisEvents.decision') },
            ]}
          />
          <div className="form-grid__full">
            <Field label={t('crisis.entryText')} error={form.errors.text}>
              {(control) => (
                <textarea
                  {...control}
                  name="entryText"
                  rows={2}
                  value={text}
                  onChange={(e) => setText(e.target.value)}
                />
              )}
            </Field>
          </div>
          <div className="form-actions">
            <SubmitButton label={t('crisis.addEntry')} busy={form.busy} />
          </div>
        </form>
      )}
      <ol className="timeline" data-testid="timeline">
        {events.map((e) => (
          <li key={e.id} className={`timeline__item timeline__item--${e.kind}`} data-kind={e.kind}>
            <span className="chip">{t(`crisisEvents.${e.kind}`)}</span>
            <p className="pre">{say(e)}</p>
            <p className="notice__meta">
              <time dateTime={e.at}>{f.dateTime(e.at)}</time> · {e.author}
            </p>
          </li>
        ))}
      </ol>
    </section>
  );
}
