// The fields of a person, for registering and for changing one. Inputs are named after the paths
// the API reports ("documents.0.number"), and each shows its own message next to it.
import {
  CONSENT_PURPOSES,
  CONTACT_KINDS,
  DOCUMENT_KINDS,
  HOUSEHOLD_RELATIONSHIPS,
  MESSAGING_SERVICES,
  SEXES,
  STATUSES_ABROAD,
  VULNERABILITIES,
  type HouseholdRelationship,
  type Mission,
} from '@siaga/contracts';
import type { FormEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Field, TextField } from '../../components/Field';
import { SubmitButton } from '../../components/SubmitButton';
import { Link } from '../../router';
import type { PathErrors } from './path-errors';
import {
  emptyContact,
  emptyDocument,
  emptyEmergency,
  type ContactDraft,
  type DocumentDraft,
  type EmergencyDraft,
  type HouseholdMode,
  type LocationDraft,
  type PersonDraft,
} from './person-form';

interface PersonFormProps {
  draft: PersonDraft;
  onChange: (draft: PersonDraft) => void;
  errors: PathErrors;
  /** Paths of document numbers another person holds → that person's id, when the caller may see them. */
  duplicates?: Record<string, string>;
  missions: Mission[];
  mode: 'create' | 'edit';
  /** Whether documents and vulnerabilities can be edited (always when registering; after a reveal when editing). */
  sensitive: boolean;
  busy: boolean;
  onSubmit: (event: FormEvent) => void;
  onCancel: () => void;
}

function Section({
  title,
  id,
  children,
  hint,
}: {
  title: string;
  id: string;
  children: ReactNode;
  hint?: string;
}) {
  return (
    <fieldset className="person-form__section" aria-labelledby={`${id}-title`}>
      <legend id={`${id}-title`}>{title}</legend>
      {hint && <p className="field__hint">{hint}</p>}
      <div className="form-grid">{children}</div>
    </fieldset>
  );
}

function DateField(props: {
  label: string;
  name: string;
  value: string;
  onChange: (v: string) => void;
  error?: string | undefined;
  hint?: string;
}) {
  return (
    <Field label={props.label} error={props.error} hint={props.hint}>
      {(control) => (
        <input
          {...control}
          type="date"
          name={props.name}
          value={props.value}
          onChange={(e) => props.onChange(e.target.value)}
        />
      )}
    </Field>
  );
}

function Select(props: {
  label: string;
  name: string;
  value: string;
  onChange: (v: string) => void;
  options: readonly { value: string; label: string }[];
  error?: string | undefined;
  hint?: string;
}) {
  return (
    <Field label={props.label} error={props.error} hint={props.hint}>
      {(control) => (
        <select
          {...control}
          name={props.name}
          value={props.value}
          onChange={(e) => props.onChange(e.target.value)}
        >
          {props.options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

function Check(props: { label: string; name: string; checked: boolean; onChange: (v: boolean) => void }) {
  return (
    <label className="check">
      <input
        type="checkbox"
        name={props.name}
        checked={props.checked}
        onChange={(e) => props.onChange(e.target.checked)}
      />
      <span>{props.label}</span>
    </label>
  );
}

/** A list-level message, such as "too many documents". */
function ListError({ message }: { message: string | undefined }) {
  return message ? <p className="field__error form-grid__full">{message}</p> : null;
}

export function PersonForm({
  draft,
  onChange,
  errors,
  duplicates = {},
  missions,
  mode,
  sensitive,
  busy,
  onSubmit,
  onCancel,
}: PersonFormProps) {
  const { t } = useTranslation();
  const set =
    <K extends keyof PersonDraft>(key: K) =>
    (value: PersonDraft[K]) =>
      onChange({ ...draft, [key]: value });
  const text = (key: keyof PersonDraft) => (value: string) => onChange({ ...draft, [key]: value });
  const options = (group: string, values: readonly string[]) =>
    values.map((v) => ({ value: v, label: t(`${group}.${v}`) }));

  const setRow = <T,>(key: 'documents' | 'contacts' | 'emergencyContacts', i: number, patch: Partial<T>) =>
    onChange({
      ...draft,
      [key]: (draft[key] as T[]).map((row, j) => (j === i ? { ...row, ...patch } : row)),
    });
  const removeRow = (key: 'documents' | 'contacts' | 'emergencyContacts', i: number) =>
    onChange({ ...draft, [key]: (draft[key] as unknown[]).filter((_, j) => j !== i) });
  const setLocation = (key: keyof LocationDraft) => (value: string) =>
    onChange({ ...draft, location: { ...draft.location, [key]: value } });
  const setHousehold = (patch: Partial<PersonDraft['household']>) =>
    onChange({ ...draft, household: { ...draft.household, ...patch } });

  const householdModes: HouseholdMode[] =
    mode === 'create'
      ? ['none', 'new', 'join']
      : draft.household.currentId
        ? ['keep', 'join', 'leave']
        : ['none', 'new', 'join'];

  return (
    <form className="person-form" onSubmit={onSubmit} noValidate>
      <Section title={t('person.sections.identity')} id="identity">
        <TextField
          label={t('person.fullName')}
          name="fullName"
          hint={t('person.fullNameHint')}
          value={draft.fullName}
          onChange={text('fullName')}
          error={errors.fullName}
          required
        />
        <TextField
          label={t('person.givenName')}
          name="givenName"
          value={draft.givenName}
          onChange={text('givenName')}
          error={errors.givenName}
        />
        <TextField
          label={t('person.familyName')}
          name="familyName"
          value={draft.familyName}
          onChange={text('familyName')}
          error={errors.familyName}
        />
        <TextField
          label={t('person.nativeName')}
          name="nativeName"
          hint={t('person.nativeNameHint')}
          value={draft.nativeName}
          onChange={text('nativeName')}
          error={errors.nativeName}
        />
        <Field
          label={t('person.aliases')}
          hint={t('person.aliasesHint')}
          error={errors.aliases ?? Object.entries(errors).find(([k]) => k.startsWith('aliases.'))?.[1]}
        >
          {(control) => (
            <textarea
              {...control}
              name="aliases"
              rows={2}
              value={draft.aliases}
              onChange={(e) => text('aliases')(e.target.value)}
            />
          )}
        </Field>
        <Select
          label={t('person.sex')}
          name="sex"
          value={draft.sex}
          onChange={text('sex')}
          options={options('sexes', SEXES)}
          error={errors.sex}
        />
        <TextField
          label={t('person.birthDate')}
          name="birthDate"
          hint={t('person.birthDateHint')}
          inputMode="numeric"
          placeholder={t('person.birthDatePlaceholder')}
          value={draft.birthDate}
          onChange={text('birthDate')}
          error={errors.birthDate}
        />
        <TextField
          label={t('person.nationalities')}
          name="nationalities"
          hint={t('person.nationalitiesHint')}
          value={draft.nationalities}
          onChange={text('nationalities')}
          error={
            errors.nationalities ?? Object.entries(errors).find(([k]) => k.startsWith('nationalities.'))?.[1]
          }
        />
        <TextField
          label={t('person.languages')}
          name="languages"
          hint={t('person.languagesHint')}
          value={draft.languages}
          onChange={text('languages')}
          error={errors.languages ?? Object.entries(errors).find(([k]) => k.startsWith('languages.'))?.[1]}
        />
      </Section>

      <Section title={t('person.sections.stay')} id="stay">
        <Select
          label={t('person.statusAbroad')}
          name="statusAbroad"
          value={draft.statusAbroad}
          onChange={text('statusAbroad')}
          options={options('statusAbroad', STATUSES_ABROAD)}
          error={errors.statusAbroad}
        />
        <TextField
          label={t('person.employer')}
          name="employer"
          hint={t('person.employerHint')}
          value={draft.employer}
          onChange={text('employer')}
          error={errors.employer}
        />
        <DateField
          label={t('person.stayFrom')}
          name="stayFrom"
          value={draft.stayFrom}
          onChange={text('stayFrom')}
          error={errors.stayFrom}
        />
        <DateField
          label={t('person.stayUntil')}
          name="stayUntil"
          value={draft.stayUntil}
          onChange={text('stayUntil')}
          error={errors.stayUntil}
        />
        <Select
          label={t('person.registeringMission')}
          name="missionCode"
          hint={t('person.registeringMissionHint')}
          value={draft.missionCode}
          onChange={text('missionCode')}
          options={[
            { value: '', label: t('person.noMission') },
            ...missions.map((m) => ({ value: m.code, label: `${m.code} · ${m.name}` })),
            // Until the missions have loaded, or for a mission the editor cannot pick, keep the value shown.
            ...(draft.missionCode && !missions.some((m) => m.code === draft.missionCode)
              ? [{ value: draft.missionCode, label: draft.missionCode }]
              : []),
          ]}
          error={errors.missionCode}
        />
        <DateField
          label={t('person.retainUntil')}
          name="retainUntil"
          hint={t('person.retainUntilHint')}
          value={draft.retainUntil}
          onChange={text('retainUntil')}
          error={errors.retainUntil}
        />
      </Section>

      <Section title={t('person.sections.documents')} id="documents" hint={t('person.documentsHint')}>
        {sensitive ? (
          <>
            <ListError message={errors.documents} />
            {draft.documents.map((doc, i) => (
              <div className="repeat-row form-grid__full" key={i} data-row={`documents.${i}`}>
                <Select
                  label={t('person.documentKind')}
                  name={`documents.${i}.kind`}
                  value={doc.kind}
                  onChange={(v) => setRow<DocumentDraft>('documents', i, { kind: v })}
                  options={options('documentKinds', DOCUMENT_KINDS)}
                  error={errors[`documents.${i}.kind`]}
                />
                <div>
                  <TextField
                    label={t('person.documentNumber')}
                    name={`documents.${i}.number`}
                    value={doc.number}
                    autoComplete="off"
                    onChange={(v) => setRow<DocumentDraft>('documents', i, { number: v })}
                    error={errors[`documents.${i}.number`]}
                  />
                  {duplicates[`documents.${i}.number`] && (
                    <Link to={`/people/${duplicates[`documents.${i}.number`]}`} className="field__link">
                      {t('person.openHolder')}
                    </Link>
                  )}
                </div>
                <TextField
                  label={t('person.issuingCountry')}
                  name={`documents.${i}.issuingCountry`}
                  placeholder="ID"
                  maxLength={2}
                  value={doc.issuingCountry}
                  onChange={(v) => setRow<DocumentDraft>('documents', i, { issuingCountry: v.toUpperCase() })}
                  error={errors[`documents.${i}.issuingCountry`]}
                />
                <DateField
                  label={t('person.expiresOn')}
                  name={`documents.${i}.expiresOn`}
                  value={doc.expiresOn}
                  onChange={(v) => setRow<DocumentDraft>('documents', i, { expiresOn: v })}
                  error={errors[`documents.${i}.expiresOn`]}
                />
                <button
                  type="button"
                  className="button button--link repeat-row__remove"
                  onClick={() => removeRow('documents', i)}
                >
                  {t('person.removeDocument')}
                </button>
              </div>
            ))}
            <div className="form-grid__full">
              <button
                type="button"
                className="button button--secondary button--small"
                onClick={() => set('documents')([...draft.documents, emptyDocument()])}
              >
                {t('person.addDocument')}
              </button>
            </div>
          </>
        ) : (
          <p className="muted form-grid__full">{t('person.sensitiveEditHint')}</p>
        )}
      </Section>

      <Section title={t('person.sections.contacts')} id="contacts" hint={t('person.contactsHint')}>
        <ListError message={errors.contacts} />
        {draft.contacts.map((c, i) => (
          <div className="repeat-row form-grid__full" key={i} data-row={`contacts.${i}`}>
            <Select
              label={t('person.contactKind')}
              name={`contacts.${i}.kind`}
              value={c.kind}
              onChange={(v) => setRow<ContactDraft>('contacts', i, { kind: v })}
              options={options('contactKinds', CONTACT_KINDS)}
              error={errors[`contacts.${i}.kind`]}
            />
            <TextField
              label={t('person.contactValue')}
              name={`contacts.${i}.value`}
              type={c.kind === 'email' ? 'email' : c.kind === 'phone' ? 'tel' : 'text'}
              placeholder={c.kind === 'phone' ? '+60 12 345 6789' : undefined}
              value={c.value}
              onChange={(v) => setRow<ContactDraft>('contacts', i, { value: v })}
              error={errors[`contacts.${i}.value`]}
            />
            {c.kind === 'messaging' && (
              <Select
                label={t('person.messagingService')}
                name={`contacts.${i}.service`}
                value={c.service}
                onChange={(v) => setRow<ContactDraft>('contacts', i, { service: v })}
                options={[{ value: '', label: '—' }, ...options('messagingServices', MESSAGING_SERVICES)]}
                error={errors[`contacts.${i}.service`]}
              />
            )}
            <div className="repeat-row__checks">
              <Check
                label={t('person.contactConsent')}
                name={`contacts.${i}.consent`}
                checked={c.consent}
                onChange={(v) => setRow<ContactDraft>('contacts', i, { consent: v })}
              />
              <Check
                label={t('person.contactVerified')}
                name={`contacts.${i}.verified`}
                checked={c.verified}
                onChange={(v) => setRow<ContactDraft>('contacts', i, { verified: v })}
              />
            </div>
            <button
              type="button"
              className="button button--link repeat-row__remove"
              onClick={() => removeRow('contacts', i)}
            >
              {t('person.removeContact')}
            </button>
          </div>
        ))}
        <div className="form-grid__full">
          <button
            type="button"
            className="button button--secondary button--small"
            onClick={() => set('contacts')([...draft.contacts, emptyContact()])}
          >
            {t('person.addContact')}
          </button>
        </div>
      </Section>

      <Section title={t('person.sections.location')} id="location" hint={t('person.locationHint')}>
        <TextField
          label={t('person.country')}
          name="location.country"
          hint={t('person.countryCodeHint')}
          maxLength={2}
          value={draft.location.country}
          onChange={(v) => setLocation('country')(v.toUpperCase())}
          error={errors['location.country'] ?? errors.location}
        />
        <TextField
          label={t('person.adminArea')}
          name="location.adminArea"
          hint={t('person.adminAreaHint')}
          value={draft.location.adminArea}
          onChange={(v) => setLocation('adminArea')(v.toUpperCase())}
          error={errors['location.adminArea']}
        />
        <TextField
          label={t('person.city')}
          name="location.city"
          value={draft.location.city}
          onChange={setLocation('city')}
          error={errors['location.city']}
        />
        <Field label={t('person.address')} error={errors['location.addressText']}>
          {(control) => (
            <textarea
              {...control}
              name="location.addressText"
              rows={2}
              value={draft.location.addressText}
              onChange={(e) => setLocation('addressText')(e.target.value)}
            />
          )}
        </Field>
        <TextField
          label={t('person.lat')}
          name="location.lat"
          inputMode="text"
          placeholder="3.1390"
          value={draft.location.lat}
          onChange={setLocation('lat')}
          error={errors['location.lat']}
        />
        <TextField
          label={t('person.lon')}
          name="location.lon"
          inputMode="text"
          placeholder="101.6869"
          value={draft.location.lon}
          onChange={setLocation('lon')}
          error={errors['location.lon']}
        />
      </Section>

      <Section title={t('person.sections.emergency')} id="emergency" hint={t('person.emergencyHint')}>
        <ListError message={errors.emergencyContacts} />
        {draft.emergencyContacts.map((e, i) => (
          <div className="repeat-row form-grid__full" key={i} data-row={`emergencyContacts.${i}`}>
            <TextField
              label={t('person.emergencyName')}
              name={`emergencyContacts.${i}.name`}
              value={e.name}
              onChange={(v) => setRow<EmergencyDraft>('emergencyContacts', i, { name: v })}
              error={errors[`emergencyContacts.${i}.name`]}
            />
            <TextField
              label={t('person.emergencyRelationship')}
              name={`emergencyContacts.${i}.relationship`}
              value={e.relationship}
              onChange={(v) => setRow<EmergencyDraft>('emergencyContacts', i, { relationship: v })}
              error={errors[`emergencyContacts.${i}.relationship`]}
            />
            <TextField
              label={t('person.emergencyPhone')}
              name={`emergencyContacts.${i}.phone`}
              type="tel"
              placeholder="0812 3456 7890"
              value={e.phone}
              onChange={(v) => setRow<EmergencyDraft>('emergencyContacts', i, { phone: v })}
              error={errors[`emergencyContacts.${i}.phone`]}
            />
            <TextField
              label={t('person.emergencyEmail')}
              name={`emergencyContacts.${i}.email`}
              type="email"
              value={e.email}
              onChange={(v) => setRow<EmergencyDraft>('emergencyContacts', i, { email: v })}
              error={errors[`emergencyContacts.${i}.email`]}
            />
            <button
              type="button"
              className="button button--link repeat-row__remove"
              onClick={() => removeRow('emergencyContacts', i)}
            >
              {t('person.removeEmergency')}
            </button>
          </div>
        ))}
        {draft.emergencyContacts.length < 5 && (
          <div className="form-grid__full">
            <button
              type="button"
              className="button button--secondary button--small"
              onClick={() => set('emergencyContacts')([...draft.emergencyContacts, emptyEmergency()])}
            >
              {t('person.addEmergency')}
            </button>
          </div>
        )}
      </Section>

      <Section
        title={t('person.sections.vulnerabilities')}
        id="vulnerabilities"
        hint={t('person.vulnerabilitiesHint')}
      >
        {sensitive ? (
          <div className="form-grid__full vulnerability-list">
            <ListError message={errors.vulnerabilities} />
            {VULNERABILITIES.map((kind) => {
              const on = draft.vulnerabilities[kind] !== undefined;
              const index = VULNERABILITIES.filter((k) => draft.vulnerabilities[k] !== undefined).indexOf(
                kind,
              );
              return (
                <div key={kind} className="vulnerability">
                  <Check
                    label={t(`vulnerabilities.${kind}`)}
                    name={`vulnerability.${kind}`}
                    checked={on}
                    onChange={(checked) => {
                      const next = { ...draft.vulnerabilities };
                      if (checked) next[kind] = '';
                      else delete next[kind];
                      onChange({ ...draft, vulnerabilities: next });
                    }}
                  />
                  {on && (
                    <Field
                      label={t('person.vulnerabilityNote')}
                      error={errors[`vulnerabilities.${index}.note`]}
                    >
                      {(control) => (
                        <textarea
                          {...control}
                          name={`vulnerability.${kind}.note`}
                          rows={2}
                          value={draft.vulnerabilities[kind] ?? ''}
                          onChange={(e) =>
                            onChange({
                              ...draft,
                              vulnerabilities: { ...draft.vulnerabilities, [kind]: e.target.value },
                            })
                          }
                        />
                      )}
                    </Field>
                  )}
                </div>
              );
            })}
          </div>
        ) : (
          <p className="muted form-grid__full">{t('person.sensitiveEditHint')}</p>
        )}
      </Section>

      <Section title={t('person.sections.consents')} id="consents" hint={t('person.consentsHint')}>
        <div className="form-grid__full">
          <ListError message={errors.consents} />
          {CONSENT_PURPOSES.map((purpose) => (
            <Check
              key={purpose}
              label={t(`consentPurposes.${purpose}`)}
              name={`consent.${purpose}`}
              checked={draft.consents[purpose]}
              onChange={(v) => onChange({ ...draft, consents: { ...draft.consents, [purpose]: v } })}
            />
          ))}
        </div>
      </Section>

      <Section title={t('person.sections.household')} id="household" hint={t('person.householdHint')}>
        <fieldset className="field form-grid__full radio-group">
          <legend className="visually-hidden">{t('person.sections.household')}</legend>
          {householdModes.map((m) => (
            <label key={m} className="check">
              <input
                type="radio"
                name="household.mode"
                value={m}
                checked={draft.household.mode === m}
                onChange={() => setHousehold({ mode: m })}
              />
              <span>{t(`person.householdModes.${m}`)}</span>
            </label>
          ))}
        </fieldset>
        {draft.household.mode === 'join' && (
          <TextField
            label={t('person.householdId')}
            name="household.id"
            hint={t('person.householdIdHint')}
            value={draft.household.id}
            onChange={(v) => setHousehold({ id: v.trim() })}
            error={errors['household.id'] ?? errors.household}
          />
        )}
        {(draft.household.mode === 'join' || draft.household.mode === 'keep') && (
          <Select
            label={t('person.relationship')}
            name="household.relationship"
            value={draft.household.relationship}
            onChange={(v) => setHousehold({ relationship: v as HouseholdRelationship })}
            options={options('relationships', HOUSEHOLD_RELATIONSHIPS)}
            error={errors['household.relationship']}
          />
        )}
      </Section>

      <div className="form-actions">
        <SubmitButton label={mode === 'create' ? t('person.register') : t('common.save')} busy={busy} />
        <button type="button" className="button button--secondary" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
