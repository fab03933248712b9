// Creates a partner organisation, or edits one guarded by its version.
import { OrganisationCreate, OrganisationUpdate, type Organisation } from '@siaga/contracts';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { TextField } from '../../components/Field';
import { ErrorNotice } from '../../components/Notice';
import { useErrorText, type FieldErrors } from '../../components/errors';
import { organisationsApi } from './organisations.api';

interface Props {
  /** The organisation to edit; without it the form creates a partner organisation. */
  organisation?: Organisation;
  onSaved: (organisation: Organisation) => void;
  onCancel: () => void;
  /** After a conflict: fetch the latest version (the parent then shows a fresh form). */
  onReload?: () => void;
}

export function OrganisationForm({ organisation, onSaved, onCancel, onReload }: Props) {
  const { t } = useTranslation();
  const { validate, fields } = useErrorText();
  const [name, setName] = useState(organisation?.name ?? '');
  const [shortName, setShortName] = useState(organisation?.shortName ?? '');
  const [email, setEmail] = useState(organisation?.email ?? '');
  const [phone, setPhone] = useState(organisation?.phone ?? '');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  // Organisation names may be two characters long (such as "UN"), unlike mission names.
  const withNameRule = (errs: FieldErrors): FieldErrors =>
    errs.name && name.trim().length < 2 ? { ...errs, name: t('organisations.nameTooShort') } : errs;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    const contact = { email: email.trim(), phone: phone.trim() };
    let send: () => Promise<Organisation>;
    if (organisation) {
      const checked = validate(OrganisationUpdate, {
        version: organisation.version,
        name,
        shortName,
        email: contact.email || null,
        phone: contact.phone || null,
      });
      if (!checked.ok) return setErrors(withNameRule(checked.errors));
      send = () => organisationsApi.update(organisation.id, checked.data);
    } else {
      const checked = validate(OrganisationCreate, {
        name,
        shortName,
        ...(contact.email && { email: contact.email }),
        ...(contact.phone && { phone: contact.phone }),
      });
      if (!checked.ok) return setErrors(withNameRule(checked.errors));
      send = () => organisationsApi.create(checked.data);
    }
    setErrors({});
    setBusy(true);
    try {
      onSaved(await send());
    } catch (err) {
      setError(err);
      setErrors(fields(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="form-grid" onSubmit={submit} noValidate>
      <ErrorNotice error={error} onReload={onReload} />
      <TextField
        label={t('organisation.name')}
        name="name"
        value={name}
        onChange={setName}
        error={errors.name}
        maxLength={200}
        required
      />
      <TextField
        label={t('organisation.shortName')}
        name="shortName"
        hint={t('organisation.shortNameHint')}
        value={shortName}
        onChange={setShortName}
        error={errors.shortName}
        maxLength={40}
        required
      />
      <TextField
        label={t('fields.email')}
        name="email"
        type="email"
        autoComplete="off"
        value={email}
        onChange={setEmail}
        error={errors.email}
      />
      <TextField
        label={t('organisation.phone')}
        name="phone"
        type="tel"
        hint={t('organisation.phoneHint')}
        value={phone}
        onChange={setPhone}
        error={errors.phone}
        maxLength={40}
      />
      <div className="form-actions">
        <button type="submit" className="button button--primary" disabled={busy}>
          {busy ? t('common.working') : organisation ? t('common.save') : t('organisations.create')}
        </button>
        <button type="button" className="button button--secondary" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
