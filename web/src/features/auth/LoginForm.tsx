// Email and password: the first step of signing in.
import { LoginBody } from '@siaga/contracts';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { TextField } from '../../components/Field';
import { ErrorNotice } from '../../components/Notice';
import { SubmitButton } from '../../components/SubmitButton';
import { useErrorText } from '../../components/errors';
import { useSubmit } from '../../components/useSubmit';
import { useAuth } from './AuthContext';
import { authApi } from './auth.api';

export function LoginForm() {
  const { t } = useTranslation();
  const { accept } = useAuth();
  const { validate } = useErrorText();
  const { errors, error, busy, submit } = useSubmit();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');

  const onSubmit = (event: FormEvent) =>
    submit(
      event,
      validate(LoginBody, { email, password }),
      async (body) => accept(await authApi.login(body.email, body.password)),
      () => setPassword(''),
    );

  return (
    <form className="form" onSubmit={onSubmit} noValidate aria-labelledby="login-title">
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
      <SubmitButton label={t('login.submit')} busy={busy} className="button button--primary button--block" />
    </form>
  );
}
