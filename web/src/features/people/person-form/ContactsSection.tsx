// How to reach the person: phone numbers, email addresses and messaging accounts, each with
// whether the person agreed to be contacted there and whether it was verified.
import { CONTACT_KINDS, MESSAGING_SERVICES } from '@siaga/contracts';
import { useTranslation } from 'react-i18next';
import { CheckField, SelectField, TextField } from '../../../components/Field';
import { ListEditor } from '../../../components/ListEditor';
import { useChoices } from '../../../components/options';
import { emptyContact } from './draft';
import { Section, fieldSetter, type SectionProps } from './parts';

export function ContactsSection(props: SectionProps) {
  const { draft, errors } = props;
  const { t } = useTranslation();
  const choices = useChoices();
  return (
    <Section title={t('person.sections.contacts')} id="contacts" hint={t('person.contactsHint')}>
      <ListEditor
        name="contacts"
        rows={draft.contacts}
        onChange={fieldSetter(props)('contacts')}
        empty={emptyContact}
        error={errors.contacts}
        addLabel={t('person.addContact')}
        removeLabel={t('person.removeContact')}
      >
        {(c, { path, set }) => (
          <>
            <SelectField
              label={t('person.contactKind')}
              name={path('kind')}
              value={c.kind}
              onChange={(v) => set({ kind: v })}
              options={choices('contactKinds', CONTACT_KINDS)}
              error={errors[path('kind')]}
            />
            <TextField
              label={t('person.contactValue')}
              name={path('value')}
              type={c.kind === 'email' ? 'email' : c.kind === 'phone' ? 'tel' : 'text'}
              placeholder={c.kind === 'phone' ? '+60 12 345 6789' : undefined}
              value={c.value}
              onChange={(v) => set({ value: v })}
              error={errors[path('value')]}
            />
            {c.kind === 'messaging' && (
              <SelectField
                label={t('person.messagingService')}
                name={path('service')}
                value={c.service}
                onChange={(v) => set({ service: v })}
                options={[{ value: '', label: '—' }, ...choices('messagingServices', MESSAGING_SERVICES)]}
                error={errors[path('service')]}
              />
            )}
            <div className="repeat-row__checks">
              <CheckField
                label={t('person.contactConsent')}
                name={path('consent')}
                checked={c.consent}
                onChange={(v) => set({ consent: v })}
              />
              <CheckField
                label={t('person.contactVerified')}
                name={path('verified')}
                checked={c.verified}
                onChange={(v) => set({ verified: v })}
              />
            </div>
          </>
        )}
      </ListEditor>
    </Section>
  );
}
