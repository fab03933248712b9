// A select of partner organisations, for accounts with the partner role.
import type { Organisation } from '@siaga/contracts';
import { useTranslation } from 'react-i18next';
import { Field } from '../../components/Field';
import { Link } from '../../router';

interface Props {
  organisations: Organisation[];
  value: string;
  onChange: (organisationId: string) => void;
  error?: string | undefined;
}

export function OrganisationSelect({ organisations, value, onChange, error }: Props) {
  const { t } = useTranslation();
  const partners = organisations.filter((o) => o.kind === 'partner');
  return (
    <Field label={t('user.organisation')} hint={t('user.organisationHint')} error={error}>
      {(control) => (
        <>
          <select {...control} name="organisationId" value={value} onChange={(e) => onChange(e.target.value)}>
            <option value="">{t('user.chooseOrganisation')}</option>
            {partners.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name} ({o.shortName})
              </option>
            ))}
          </select>
          {partners.length === 0 && (
            <p className="field__hint">
              {t('user.noPartners')} <Link to="/organisations">{t('nav.organisations')}</Link>
            </p>
          )}
        </>
      )}
    </Field>
  );
}
