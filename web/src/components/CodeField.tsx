// The six-digit code from an authenticator app (spaces allowed, as some apps show "123 456").
import { useTranslation } from 'react-i18next';
import { TextField } from './Field';

interface CodeFieldProps {
  value: string;
  onChange: (value: string) => void;
  error?: string | undefined;
  autoFocus?: boolean;
}

export function CodeField({ value, onChange, error, autoFocus }: CodeFieldProps) {
  const { t } = useTranslation();
  return (
    <TextField
      label={t('fields.totpCode')}
      name="code"
      inputMode="numeric"
      autoComplete="one-time-code"
      maxLength={7}
      value={value}
      onChange={onChange}
      error={error}
      required
      autoFocus={autoFocus}
    />
  );
}

/** The code as typed, without the spaces: what the contract checks and the server expects. */
export const codeOf = (typed: string) => typed.replace(/\s/g, '');
