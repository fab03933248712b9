// Uploads a list of people (CSV or XLSX) with its options: the mission the list belongs to, a dry
// run that only checks the rows, and the status abroad for rows that have none.
import { STATUSES_ABROAD, type Import, type Mission } from '@siaga/contracts';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Field, SelectField } from '../../components/Field';
import { ErrorNotice } from '../../components/Notice';
import { SubmitButton } from '../../components/SubmitButton';
import { useErrorText } from '../../components/errors';
import { useChoices } from '../../components/options';
import { useAction } from '../../components/useAction';
import { missionOptions } from '../missions/mission-options';
import { useFormat } from '../people/format';
import { importsApi } from './imports.api';

interface Props {
  missions: Mission[];
  defaultMission: string;
  onStarted: (started: Import) => void;
}

const ACCEPT = '.csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function ImportUploadForm({ missions, defaultMission, onStarted }: Props) {
  const { t } = useTranslation();
  const f = useFormat();
  const { fields } = useErrorText();
  const choices = useChoices();
  const [file, setFile] = useState<File | null>(null);
  const [mission, setMission] = useState(defaultMission);
  const [dryRun, setDryRun] = useState(false);
  const [status, setStatus] = useState('');
  const [fileError, setFileError] = useState<string | null>(null);
  const { error, setError, busy, run } = useAction();
  const errors = fields(error);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    if (!file) {
      setFileError(t('imports.chooseFile'));
      return;
    }
    setFileError(null);
    await run(async () => {
      const started = await importsApi.upload(file, {
        dryRun,
        ...(mission ? { mission } : {}),
        ...(status ? { status } : {}),
      });
      onStarted(started);
    });
  };

  return (
    <form className="form-grid" onSubmit={submit} noValidate data-testid="import-form">
      <ErrorNotice error={error} />
      <Field label={t('imports.file')} hint={t('imports.fileHint')} error={fileError ?? errors.fileName}>
        {(control) => (
          <input
            {...control}
            type="file"
            name="file"
            accept={ACCEPT}
            onChange={(e) => {
              setFile(e.target.files?.[0] ?? null);
              setFileError(null);
            }}
          />
        )}
      </Field>
      {file && (
        <p className="muted form-grid__full" data-testid="import-file">
          {t('imports.fileChosen', { name: file.name, size: f.number(Math.ceil(file.size / 1024)) })}
        </p>
      )}
      <SelectField
        label={t('imports.mission')}
        hint={t('imports.missionHint')}
        name="mission"
        value={mission}
        onChange={setMission}
        options={missionOptions(missions, mission, t('imports.noMission'), (m) => `${m.code} · ${m.name}`)}
        error={errors.mission}
      />
      <SelectField
        label={t('imports.status')}
        hint={t('imports.statusHint')}
        name="status"
        value={status}
        onChange={setStatus}
        options={[
          { value: '', label: t('imports.statusFromFile') },
          ...choices('statusAbroad', STATUSES_ABROAD),
        ]}
        error={errors.status}
      />
      <div className="form-grid__full">
        <label className="check">
          <input
            type="checkbox"
            name="dryRun"
            checked={dryRun}
            onChange={(e) => setDryRun(e.target.checked)}
          />
          <span>
            <strong>{t('imports.dryRun')}</strong>
            <span className="field__hint">{t('imports.dryRunHint')}</span>
          </span>
        </label>
      </div>
      <div className="form-actions">
        <SubmitButton label={t('imports.upload')} busy={busy} />
      </div>
    </form>
  );
}
