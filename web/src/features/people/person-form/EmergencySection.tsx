// Whom to call in an emergency: up to five people, each with a phone number or an email address.
import { useTranslation } from 'react-i18next';
import { TextField } from '../../../components/Field';
import { ListEditor } from '../../../components/ListEditor';
import { emptyEmergency } from './draft';
import { Section, fieldSetter, type SectionProps } from './parts';

const MAX_EMERGENCY_CONTACTS = 5;

export function EmergencySection(props: SectionProps) {
  const { draft, errors } = props;
  const { t } = useTranslation();
  return (
    <Section title={t('person.sections.emergency')} id="emergency" hint={t('person.emergencyHint')}>
      <ListEditor
        name="emergencyContacts"
        rows={draft.emergencyContacts}
        onChange={fieldSetter(props)('emergencyContacts')}
        empty={emptyEmergency}
        max={MAX_EMERGENCY_CONTACTS}
        error={errors.emergencyContacts}
        addLabel={t('person.addEmergency')}
        removeLabel={t('person.removeEmergency')}
      >
        {(e, { path, set }) => (
          <>
            <TextField
              label={t('person.emergencyName')}
              name={path('name')}
              value={e.name}
              onChange={(v) => set({ name: v })}
              error={errors[path('name')]}
            />
            <TextField
              label={t('person.emergencyRelationship')}
              name={path('relationship')}
              value={e.relationship}
              onChange={(v) => set({ relationship: v })}
              error={errors[path('relationship')]}
            />
            <TextField
              label={t('person.emergencyPhone')}
              name={path('phone')}
              type="tel"
              placeholder="0812 3456 7890"
              value={e.phone}
              onChange={(v) => set({ phone: v })}
              error={errors[path('phone')]}
            />
            <TextField
              label={t('person.emergencyEmail')}
              name={path('email')}
              type="email"
              value={e.email}
              onChange={(v) => set({ email: v })}
              error={errors[path('email')]}
            />
          </>
        )}
      </ListEditor>
    </Section>
  );
}
