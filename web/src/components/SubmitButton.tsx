// A form's submit button: disabled while the form is busy, and saying so.
import { useTranslation } from 'react-i18next';

interface SubmitButtonProps {
  label: string;
  busy: boolean;
  className?: string;
}

export function SubmitButton({ label, busy, className = 'button button--primary' }: SubmitButtonProps) {
  const { t } = useTranslation();
  return (
    <button type="submit" className={className} disabled={busy}>
      {busy ? t('common.working') : label}
    </button>
  );
}
