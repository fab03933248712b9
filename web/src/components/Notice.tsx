// Page-level messages: errors from the server, confirmations, and warnings.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';
import { useErrorText } from './errors';

export function Notice({
  kind,
  children,
}: {
  kind: 'error' | 'success' | 'info' | 'warning';
  children: ReactNode;
}) {
  return (
    <div className={`notice notice--${kind}`} role={kind === 'error' ? 'alert' : 'status'}>
      {children}
    </div>
  );
}

/** The error of a failed request, translated by code, with the request id for support. */
export function ErrorNotice({ error, onReload }: { error: unknown; onReload?: () => void }) {
  const { t } = useTranslation();
  const { message } = useErrorText();
  if (!error) return null;
  const stale = error instanceof ApiError && error.code === 'conflict.stale_version';
  return (
    <Notice kind="error">
      <p>{message(error)}</p>
      {stale && onReload && (
        <button type="button" className="button button--secondary" onClick={onReload}>
          {t('common.reload')}
        </button>
      )}
      {error instanceof ApiError && error.requestId && (
        <p className="notice__meta">{t('common.requestId', { id: error.requestId })}</p>
      )}
    </Notice>
  );
}

export function Loading() {
  const { t } = useTranslation();
  return (
    <p className="loading" role="status">
      {t('common.loading')}
    </p>
  );
}
