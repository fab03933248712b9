// Who the person is: names, sex, birth date, nationalities and languages.
import { SEXES } from '@siaga/contracts';
import { useTranslation } from 'react-i18next';
import { Field, SelectField, TextField } from '../../../components/Field';
import { errorAt } from '../../../components/errors';
import { useChoices } from '../../../components/options';
import { Section, fieldSetter, type SectionProps } from './parts';

export function IdentitySection(props: SectionProps) {
  const { draft, errors } = props;
  const { t } = useTranslation();
  const choices = useChoices();
  const set = fieldSetter(props);
  return (
    <Section title={t('person.sections.identity')} id="identity">
      <TextField
        label={t('person.fullName')}
        name="fullName"
        hint={t('person.fullNameHint')}
        value={draft.fullName}
        onChange={set('fullName')}
        error={errors.fullName}
        required
      />
      <TextField
        label={t('person.givenName')}
        name="givenName"
        value={draft.givenName}
        onChange={set('givenName')}
        error={errors.givenName}
      />
      <TextField
        label={t('person.familyName')}
        name="familyName"
        value={draft.familyName}
        onChange={set('familyName')}
        error={errors.familyName}
      />
      <TextField
        label={t('person.nativeName')}
        name="nativeName"
        hint={t('person.nativeNameHint')}
        value={draft.nativeName}
        onChange={set('nativeName')}
        error={errors.nativeName}
      />
      <Field label={t('person.aliases')} hint={t('person.aliasesHint')} error={errorAt(errors, 'aliases')}>
        {(control) => (
          <textarea
            {...control}
            name="aliases"
            rows={2}
            value={draft.aliases}
            onChange={(e) => set('aliases')(e.target.value)}
          />
        )}
      </Field>
      <SelectField
        label={t('person.sex')}
        name="sex"
        value={draft.sex}
        onChange={set('sex')}
        options={choices('sexes', SEXES)}
        error={errors.sex}
      />
      <TextField
        label={t('person.birthDate')}
        name="birthDate"
        hint={t('person.birthDateHint')}
        inputMode="numeric"
        placeholder={t('person.birthDatePlaceholder')}
        value={draft.birthDate}
        onChange={set('birthDate')}
        error={errors.birthDate}
      />
      <TextField
        label={t('person.nationalities')}
        name="nationalities"
        hint={t('person.nationalitiesHint')}
        value={draft.nationalities}
        onChange={set('nationalities')}
        error={errorAt(errors, 'nationalities')}
      />
      <TextField
        label={t('person.languages')}
        name="languages"
        hint={t('person.languagesHint')}
        value={draft.languages}
        onChange={set('languages')}
        error={errorAt(errors, 'languages')}
      />
    </Section>
  );
}
