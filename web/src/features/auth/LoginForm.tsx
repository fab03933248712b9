// Email and password: the first step of signing in.
import { LoginBody } from '@siaga/contracts';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { TextField } from '../../components/Field';
import { ErrorNotice } from '../../components/Notice';
import { useErrorText, type FieldErrors } from '../../components/errors';
import { useAuth } from './AuthContext';
import { authApi } from './auth.api';

export function LoginForm() {
  const { t } = useTranslation();
  const { accept } = useAuth();
  const { validate, fields } = useErrorText();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    const checked = validate(LoginBody, { email, password });
    if (!checked.ok) return setErrors(checked.errors);
    setErrors({});
    setBusy(true);
    try {
      accept(await authApi.login(checked.data.email, checked.data.password));
    } catch (err) {
      setError(err);
      setErrors(fields(err));
      setPassword('');
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="form" onSubmit={submit} noValidate aria-labelledby="login-title">
      <h1 id="login-title">{t('login.title')}</h1>
      <p className="lead">{t('login.intro')}</p>
      <ErrorNotice error={error} />
      <TextField
        label={t('fields.email')}
        name="email"
        type="email"
        autoComplete="username"
        value={email}
        onChange={setEmail}
        error={errors.email}
        required
        autoFocus
      />
      <TextField
        label={t('fields.password')}
        name="password"
        type="password"
        autoComplete="current-password"
        value={password}
        onChange={setPassword}
        error={errors.password}
        required
      />
      <button type="submit" className="button button--primary button--block" disabled={busy}>
        {busy ? t('common.working') : t('login.submit')}
      </button>
    </form>
  );
}
