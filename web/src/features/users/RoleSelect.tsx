// A select of staff roles with translated names.
import { ROLES } from '@siaga/contracts';
import { useTranslation } from 'react-i18next';
import { Field } from '../../components/Field';

interface RoleSelectProps {
  label: string;
  value: string;
  onChange: (role: string) => void;
  error?: string | undefined;
  allowAny?: boolean;
}

export function RoleSelect({ label, value, onChange, error, allowAny }: RoleSelectProps) {
  const { t } = useTranslation();
  return (
    <Field label={label} error={error}>
      {(control) => (
        <select {...control} name="role" value={value} onChange={(e) => onChange(e.target.value)}>
          {allowAny && <option value="">{t('users.anyRole')}</option>}
          {ROLES.map((role) => (
            <option key={role} value={role}>
              {t(`roles.${role}`)}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
