// The household: none, a new one headed by this person, joining one by its id, or (when editing)
// keeping or leaving the current one, with the person's relationship in it.
import { HOUSEHOLD_RELATIONSHIPS, type HouseholdRelationship } from '@siaga/contracts';
import { useTranslation } from 'react-i18next';
import { SelectField, TextField } from '../../../components/Field';
import { useChoices } from '../../../components/options';
import type { HouseholdMode, PersonDraft } from './draft';
import { Section, type SectionProps } from './parts';

export function HouseholdSection({
  draft,
  onChange,
  errors,
  mode,
}: SectionProps & { mode: 'create' | 'edit' }) {
  const { t } = useTranslation();
  const choices = useChoices();
  const household = draft.household;
  const set = (patch: Partial<PersonDraft['household']>) =>
    onChange({ ...draft, household: { ...household, ...patch } });
  const modes: HouseholdMode[] =
    mode === 'edit' && household.currentId ? ['keep', 'join', 'leave'] : ['none', 'new', 'join'];
  return (
    <Section title={t('person.sections.household')} id="household" hint={t('person.householdHint')}>
      <fieldset className="field form-grid__full radio-group">
        <legend className="visually-hidden">{t('person.sections.household')}</legend>
        {modes.map((m) => (
          <label key={m} className="check">
            <input
              type="radio"
              name="household.mode"
              value={m}
              checked={household.mode === m}
              onChange={() => set({ mode: m })}
            />
            <span>{t(`person.householdModes.${m}`)}</span>
          </label>
        ))}
      </fieldset>
      {household.mode === 'join' && (
        <TextField
          label={t('person.householdId')}
          name="household.id"
          hint={t('person.householdIdHint')}
          value={household.id}
          onChange={(v) => set({ id: v.trim() })}
          error={errors['household.id'] ?? errors.household}
        />
      )}
      {(household.mode === 'join' || household.mode === 'keep') && (
        <SelectField
          label={t('person.relationship')}
          name="household.relationship"
          value={household.relationship}
          onChange={(v) => set({ relationship: v as HouseholdRelationship })}
          options={choices('relationships', HOUSEHOLD_RELATIONSHIPS)}
          error={errors['household.relationship']}
        />
      )}
    </Section>
  );
}
