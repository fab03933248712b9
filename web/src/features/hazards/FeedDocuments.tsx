// The feeds Siaga polls, with how their last poll went, and the documents it rejected (polled or
// imported), each with its reasons.
import type { Feed, FeedDocument } from '@siaga/contracts';
import { useTranslation } from 'react-i18next';
import { ErrorNotice, Loading } from '../../components/Notice';
import { Table } from '../../components/Table';
import { useFormat } from '../people/format';

interface Props {
  feeds: Feed[] | null;
  feedsError: unknown;
  rejected: FeedDocument[] | null;
  rejectedError: unknown;
}

export function FeedDocuments({ feeds, feedsError, rejected, rejectedError }: Props) {
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <>
      <section className="panel" aria-labelledby="feeds-title">
        <h2 id="feeds-title">{t('feeds.title')}</h2>
        <ErrorNotice error={feedsError} />
        {!feeds && !feedsError && <Loading />}
        {feeds && feeds.length === 0 && <p className="muted">{t('feeds.none')}</p>}
        {feeds && feeds.length > 0 && (
          <Table
            compact
            testId="feeds-table"
            columns={[
              t('feeds.name'),
              t('feeds.url'),
              t('feeds.interval'),
              t('feeds.lastPolled'),
              t('feeds.lastStatus'),
            ]}
          >
            {feeds.map((feed) => (
              <tr key={feed.id}>
                <td>
                  {feed.name}{' '}
                  {!feed.enabled && <span className="status status--disabled">{t('feeds.disabled')}</span>}
                </td>
                <td className="mono-small">{feed.url}</td>
                <td className="num">{t('feeds.minutes', { n: feed.intervalMinutes })}</td>
                <td className="nowrap">{f.dateTime(feed.lastPolledAt)}</td>
                <td>
                  {feed.lastStatus ?? '—'}
                  {feed.lastError && <span className="field__error"> {feed.lastError}</span>}
                </td>
              </tr>
            ))}
          </Table>
        )}
      </section>
      <section className="panel" aria-labelledby="rejected-title">
        <h2 id="rejected-title">{t('feeds.rejectedTitle')}</h2>
        <ErrorNotice error={rejectedError} />
        {!rejected && !rejectedError && <Loading />}
        {rejected && rejected.length === 0 && <p className="muted">{t('feeds.noRejected')}</p>}
        {rejected && rejected.length > 0 && (
          <Table
            compact
            testId="rejected-documents"
            columns={[
              t('feeds.received'),
              t('feeds.file'),
              t('feeds.formatColumn'),
              t('feeds.size'),
              t('feeds.reasons'),
            ]}
          >
            {rejected.map((d) => (
              <tr key={d.id} data-document={d.id}>
                <td className="nowrap">{f.dateTime(d.receivedAt)}</td>
                <td>{d.fileName ?? (d.feedId ? t('feeds.polled') : '—')}</td>
                <td>{d.format}</td>
                <td className="num">{t('feeds.bytes', { n: f.number(d.bytes) })}</td>
                <td>
                  <ul className="kv">
                    {d.rejections.map((r, i) => (
                      <li key={i}>
                        <span className="mono-small">{r.code}</span> {r.message}
                      </li>
                    ))}
                  </ul>
                </td>
              </tr>
            ))}
          </Table>
        )}
      </section>
    </>
  );
}
