// Creates a partner organisation, or edits one guarded by its version.
import { OrganisationCreate, OrganisationUpdate, type Organisation } from '@siaga/contracts';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { TextField } from '../../components/Field';
import { ErrorNotice } from '../../components/Notice';
import { SubmitButton } from '../../components/SubmitButton';
import { useErrorText, type Checked } from '../../components/errors';
import { useSubmit } from '../../components/useSubmit';
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
  const { validate } = useErrorText();
  const { errors, error, busy, submit } = useSubmit();
  const [name, setName] = useState(organisation?.name ?? '');
  const [shortName, setShortName] = useState(organisation?.shortName ?? '');
  const [email, setEmail] = useState(organisation?.email ?? '');
  const [phone, setPhone] = useState(organisation?.phone ?? '');

  // Organisation names may be two characters long (such as "UN"), unlike mission names.
  const withNameRule = <T,>(checked: Checked<T>): Checked<T> =>
    !checked.ok && checked.errors.name && name.trim().length < 2
      ? { ok: false, errors: { ...checked.errors, name: t('organisations.nameTooShort') } }
      : checked;

  const onSubmit = (event: FormEvent) => {
    const contact = { email: email.trim(), phone: phone.trim() };
    if (organisation) {
      const checked = validate(OrganisationUpdate, {
        version: organisation.version,
        name,
        shortName,
        email: contact.email || null,
        phone: contact.phone || null,
      });
      return submit(event, withNameRule(checked), async (valid) =>
        onSaved(await organisationsApi.update(organisation.id, valid)),
      );
    }
    const checked = validate(OrganisationCreate, {
      name,
      shortName,
      ...(contact.email && { email: contact.email }),
      ...(contact.phone && { phone: contact.phone }),
    });
    return submit(event, withNameRule(checked), async (valid) =>
      onSaved(await organisationsApi.create(valid)),
    );
  };

  return (
    <form className="form-grid" onSubmit={onSubmit} noValidate>
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
        <SubmitButton label={organisation ? t('common.save') : t('organisations.create')} busy={busy} />
        <button type="button" className="button button--secondary" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
