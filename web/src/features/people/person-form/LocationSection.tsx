// Where the person lives now: country, area, city, address and coordinates.
import { useTranslation } from 'react-i18next';
import { Field, TextField } from '../../../components/Field';
import type { LocationDraft } from './draft';
import { Section, type SectionProps } from './parts';

export function LocationSection({ draft, onChange, errors }: SectionProps) {
  const { t } = useTranslation();
  const set = (key: keyof LocationDraft) => (value: string) =>
    onChange({ ...draft, location: { ...draft.location, [key]: value } });
  return (
    <Section title={t('person.sections.location')} id="location" hint={t('person.locationHint')}>
      <TextField
        label={t('person.country')}
        name="location.country"
        hint={t('person.countryCodeHint')}
        maxLength={2}
        value={draft.location.country}
        onChange={(v) => set('country')(v.toUpperCase())}
        error={errors['location.country'] ?? errors.location}
      />
      <TextField
        label={t('person.adminArea')}
        name="location.adminArea"
        hint={t('person.adminAreaHint')}
        value={draft.location.adminArea}
        onChange={(v) => set('adminArea')(v.toUpperCase())}
        error={errors['location.adminArea']}
      />
      <TextField
        label={t('person.city')}
        name="location.city"
        value={draft.location.city}
        onChange={set('city')}
        error={errors['location.city']}
      />
      <Field label={t('person.address')} error={errors['location.addressText']}>
        {(control) => (
          <textarea
            {...control}
            name="location.addressText"
            rows={2}
            value={draft.location.addressText}
            onChange={(e) => set('addressText')(e.target.value)}
          />
        )}
      </Field>
      <TextField
        label={t('person.lat')}
        name="location.lat"
        inputMode="text"
        placeholder="3.1390"
        value={draft.location.lat}
        onChange={set('lat')}
        error={errors['location.lat']}
      />
      <TextField
        label={t('person.lon')}
        name="location.lon"
        inputMode="text"
        placeholder="101.6869"
        value={draft.location.lon}
        onChange={set('lon')}
        error={errors['location.lon']}
      />
    </Section>
  );
}
