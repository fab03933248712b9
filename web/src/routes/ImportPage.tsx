// One import: its progress while it runs (checked every second), what it created, updated, left
// unchanged or rejected, and the report of rejected rows naming the row and column to fix.
import { Id, type Import, type ImportRowError } from '@siaga/contracts';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';
import { Layout } from '../components/Layout';
import { LoadMore } from '../components/LoadMore';
import { ErrorNotice, Loading, Notice } from '../components/Notice';
import { Table } from '../components/Table';
import { useLoad } from '../components/useLoad';
import { ImportStatus } from '../features/imports/ImportsTable';
import { importsApi } from '../features/imports/imports.api';
import { useFormat } from '../features/people/format';
import { Link } from '../router';

const POLL_MS = 1000;

type Report = { items: ImportRowError[]; total: number; nextCursor: string | null };

export function ImportPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const f = useFormat();
  const {
    data: item,
    error,
    setData,
  } = useLoad<Import>(
    () =>
      Id.safeParse(id).success
        ? importsApi.get(id)
        : Promise.reject(new ApiError(404, 'import.not_found', '')),
    [id],
  );
  const [pollError, setPollError] = useState<unknown>(null);
  const [report, setReport] = useState<Report | null>(null);
  const [reportError, setReportError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const running = item?.status === 'running';
  const finished = item !== null && item.status !== 'running';

  // Follow a running import: ask again a second after each answer, until it is no longer running.
  useEffect(() => {
    if (!running) return;
    let live = true;
    const timer = window.setTimeout(() => {
      importsApi
        .get(id)
        .then((fresh) => {
          if (!live) return;
          setPollError(null);
          setData(fresh);
        })
        .catch((err: unknown) => {
          if (!live) return;
          setPollError(err);
          // Keep following: a dropped request in a crisis room is not the end of the import.
          setData((prev) => (prev ? { ...prev } : prev));
        });
    }, POLL_MS);
    return () => {
      live = false;
      window.clearTimeout(timer);
    };
  }, [id, running, item, setData]);

  // The report of rejected rows, once the import has finished.
  useEffect(() => {
    if (!finished) return;
    let live = true;
    setReportError(null);
    importsApi
      .errors(id)
      .then((page) => live && setReport(page))
      .catch((err: unknown) => live && setReportError(err));
    return () => {
      live = false;
    };
  }, [id, finished]);

  const more = async () => {
    if (!report?.nextCursor) return;
    setBusy(true);
    setReportError(null);
    try {
      const page = await importsApi.errors(id, report.nextCursor);
      setReport({ items: [...report.items, ...page.items], total: page.total, nextCursor: page.nextCursor });
    } catch (err) {
      setReportError(err);
    } finally {
      setBusy(false);
    }
  };

  const percent =
    item && item.totalBytes > 0 ? Math.min(100, Math.round((item.bytesRead / item.totalBytes) * 100)) : null;

  return (
    <Layout>
      <p className="breadcrumb">
        <Link to="/imports">← {t('imports.title')}</Link>
      </p>
      <ErrorNotice error={error} />
      {!item && !error && <Loading />}
      {item && (
        <>
          <div className="page-head page-head--wide">
            <h1>
              {item.fileName} <ImportStatus item={item} />
            </h1>
          </div>
          {item.dryRun && <Notice kind="info">{t('imports.dryRunNotice')}</Notice>}
          {item.status === 'failed' && (
            <Notice kind="error">
              <p>{t('imports.failed')}</p>
              {item.error && <p className="notice__meta">{item.error}</p>}
            </Notice>
          )}
          {item.status === 'done' && (
            <Notice kind={item.rejected > 0 ? 'warning' : 'success'}>
              {item.rejected > 0
                ? t('imports.doneWithErrors', { n: f.number(item.rejected) })
                : t('imports.done')}
            </Notice>
          )}
          <ErrorNotice error={pollError} />
          <section
            className="panel import-progress"
            aria-labelledby="progress-title"
            data-testid="import-progress"
          >
            <h2 id="progress-title">{t('imports.progress')}</h2>
            <progress
              max={item.totalBytes || 1}
              value={item.status === 'running' ? item.bytesRead : item.totalBytes || 1}
              aria-label={t('imports.progress')}
            />
            <p className="muted">
              {percent === null
                ? t('imports.bytesUnknown', { read: f.number(item.bytesRead) })
                : t('imports.bytes', {
                    read: f.number(item.bytesRead),
                    total: f.number(item.totalBytes),
                    percent: item.status === 'running' ? percent : 100,
                  })}
            </p>
            <dl className="stats">
              <div>
                <dt>{t('imports.rowsRead')}</dt>
                <dd data-testid="import-rows">{f.number(item.rowsRead)}</dd>
              </div>
              <div>
                <dt>{t('imports.created')}</dt>
                <dd data-testid="import-created">{f.number(item.created)}</dd>
              </div>
              <div>
                <dt>{t('imports.updated')}</dt>
                <dd data-testid="import-updated">{f.number(item.updated)}</dd>
              </div>
              <div>
                <dt>{t('imports.unchanged')}</dt>
                <dd data-testid="import-unchanged">{f.number(item.unchanged)}</dd>
              </div>
              <div className={item.rejected > 0 ? 'stats__bad' : undefined}>
                <dt>{t('imports.rejected')}</dt>
                <dd data-testid="import-rejected">{f.number(item.rejected)}</dd>
              </div>
            </dl>
            <p className="muted">
              {t('imports.startedBy', { at: f.dateTime(item.startedAt), by: item.actorLabel })}
              {item.missionCode && ` · ${item.missionCode}`}
              {item.finishedAt && ` · ${t('imports.finishedAt', { at: f.dateTime(item.finishedAt) })}`}
            </p>
          </section>
          {finished && (
            <section aria-labelledby="report-title">
              <div className="page-head">
                <h2 id="report-title">{t('imports.report')}</h2>
                {report && report.total > 0 && (
                  <a className="button button--secondary" href={importsApi.errorsCsvUrl(item.id)} download>
                    {t('imports.reportCsv')}
                  </a>
                )}
              </div>
              <ErrorNotice error={reportError} />
              {!report && !reportError && <Loading />}
              {report && report.total === 0 && <p className="muted">{t('imports.noErrors')}</p>}
              {report && report.items.length > 0 && (
                <>
                  <p className="muted">{t('imports.reportIntro', { n: f.number(report.total) })}</p>
                  <Table
                    columns={[t('imports.row'), t('imports.column'), t('imports.code'), t('imports.message')]}
                    compact
                    testId="import-errors"
                  >
                    {report.items.map((e, i) => (
                      <tr
                        key={`${e.row}-${e.column}-${i}`}
                        data-row={e.row}
                        data-column={e.column}
                        data-code={e.code}
                      >
                        <td className="num">{e.row}</td>
                        <td>{e.column}</td>
                        <td>
                          <code className="mono-small">{e.code}</code>
                        </td>
                        <td>{e.message}</td>
                      </tr>
                    ))}
                  </Table>
                </>
              )}
              {report?.nextCursor && <LoadMore onClick={more} busy={busy} />}
            </section>
          )}
        </>
      )}
    </Layout>
  );
}
