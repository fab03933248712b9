// Importing a hazard feed file by hand (CAP, an Atom or RSS index of CAP alerts, EDXL-DE, GDACS
// RSS or USGS GeoJSON): what was accepted, updated, cancelled or already known, and why anything
// was rejected.
import type { FeedImportResult } from '@siaga/contracts';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Field } from '../../components/Field';
import { ErrorNotice } from '../../components/Notice';
import { SubmitButton } from '../../components/SubmitButton';
import { Table } from '../../components/Table';
import { useAction } from '../../components/useAction';
import { useFormat } from '../people/format';
import { hazardsApi } from './hazards.api';

const ACCEPT = '.xml,.cap,.atom,.rss,.edxlde,.json,.geojson,application/xml,text/xml,application/json';

export function FeedImport({ onImported }: { onImported: (result: FeedImportResult) => void }) {
  const { t } = useTranslation();
  const f = useFormat();
  const [file, setFile] = useState<File | null>(null);
  const [missing, setMissing] = useState(false);
  const [result, setResult] = useState<FeedImportResult | null>(null);
  const { error, busy, run } = useAction();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!file) return setMissing(true);
    void run(async () => {
      setResult(null);
      const r = await hazardsApi.importFile(file);
      setResult(r);
      onImported(r);
    });
  };

  const stat = (key: keyof FeedImportResult & string, bad = false) => (
    <div className={bad && (result?.[key] as number) > 0 ? 'stats__bad' : undefined}>
      <dt>{t(`feeds.${key}`)}</dt>
      <dd data-testid={`feed-${key}`}>{f.number((result?.[key] as number) ?? 0)}</dd>
    </div>
  );

  return (
    <section className="panel" aria-labelledby="feed-import-title">
      <h2 id="feed-import-title">{t('feeds.importTitle')}</h2>
      <p className="muted">{t('feeds.importIntro')}</p>
      <form className="inline-form" onSubmit={submit} noValidate data-testid="feed-import-form">
        <ErrorNotice error={error} />
        <Field label={t('feeds.file')} error={missing ? t('imports.chooseFile') : undefined}>
          {(control) => (
            <input
              {...control}
              type="file"
              name="feedFile"
              accept={ACCEPT}
              onChange={(e) => {
                setFile(e.target.files?.[0] ?? null);
                setMissing(false);
              }}
            />
          )}
        </Field>
        <SubmitButton label={t('feeds.import')} busy={busy} />
      </form>
      {result && (
        <div data-testid="feed-result">
          <p>{t('feeds.format', { format: result.format })}</p>
          <dl className="stats">
            {stat('accepted')}
            {stat('updated')}
            {stat('cancelled')}
            {stat('duplicates')}
            {stat('rejected', true)}
          </dl>
          {result.errors.length > 0 && (
            <Table
              compact
              testId="feed-errors"
              columns={[t('feeds.item'), t('imports.code'), t('imports.message'), t('feeds.path')]}
            >
              {result.errors.map((e, i) => (
                <tr key={i} data-code={e.code}>
                  <td className="num">{e.itemIndex === undefined ? '—' : e.itemIndex + 1}</td>
                  <td className="mono-small">{e.code}</td>
                  <td>{e.message}</td>
                  <td className="mono-small">{e.path ?? '—'}</td>
                </tr>
              ))}
            </Table>
          )}
        </div>
      )}
    </section>
  );
}
