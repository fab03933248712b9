// Shows a secret the server reveals once (a one-time password or API token) with a copy button.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

interface SecretBoxProps {
  title: string;
  value: string;
  testId: string;
  note?: string;
  onDismiss?: () => void;
}

export function SecretBox({ title, value, testId, note, onDismiss }: SecretBoxProps) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setCopied(true);
    } catch {
      setCopied(false);
    }
  };
  return (
    <section className="secret" aria-live="polite">
      <h3>{title}</h3>
      <p className="secret__note">{note ?? t('common.shownOnce')}</p>
      <div className="secret__row">
        <code className="secret__value" data-testid={testId}>
          {value}
        </code>
        <button type="button" className="button button--secondary" onClick={copy}>
          {copied ? t('common.copied') : t('common.copy')}
        </button>
      </div>
      {onDismiss && (
        <button type="button" className="button button--link" onClick={onDismiss}>
          {t('common.done')}
        </button>
      )}
    </section>
  );
}
