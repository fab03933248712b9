// What the person agreed to: being in the registry, receiving alerts, sharing with partners.
import { CONSENT_PURPOSES } from '@siaga/contracts';
import { useTranslation } from 'react-i18next';
import { CheckField } from '../../../components/Field';
import { ListError } from '../../../components/ListEditor';
import { Section, type SectionProps } from './parts';

export function ConsentsSection({ draft, onChange, errors }: SectionProps) {
  const { t } = useTranslation();
  return (
    <Section title={t('person.sections.consents')} id="consents" hint={t('person.consentsHint')}>
      <div className="form-grid__full">
        <ListError message={errors.consents} />
        {CONSENT_PURPOSES.map((purpose) => (
          <CheckField
            key={purpose}
            label={t(`consentPurposes.${purpose}`)}
            name={`consent.${purpose}`}
            checked={draft.consents[purpose]}
            onChange={(v) => onChange({ ...draft, consents: { ...draft.consents, [purpose]: v } })}
          />
        ))}
      </div>
    </Section>
  );
}
