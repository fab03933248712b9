// Picks the missions a user works for, as a list of checkboxes.
import type { Mission } from '@siaga/contracts';
import { useTranslation } from 'react-i18next';

interface MissionPickerProps {
  missions: Mission[];
  value: string[];
  onChange: (codes: string[]) => void;
  error?: string | undefined;
}

export function MissionPicker({ missions, value, onChange, error }: MissionPickerProps) {
  const { t } = useTranslation();
  const toggle = (code: string, on: boolean) =>
    onChange(on ? [...value, code] : value.filter((c) => c !== code));
  return (
    <fieldset className={error ? 'field field--error checklist' : 'field checklist'}>
      <legend>{t('user.missions')}</legend>
      <p className="field__hint">{t('user.missionsHint')}</p>
      {missions.length === 0 && <p className="muted">{t('missions.empty')}</p>}
      <div className="checklist__items" hidden={missions.length === 0}>
        {missions.map((m) => (
          <label key={m.code} className="check">
            <input
              type="checkbox"
              name="missionCodes"
              value={m.code}
              checked={value.includes(m.code)}
              onChange={(e) => toggle(m.code, e.target.checked)}
            />
            <span>
              <strong>{m.code}</strong> {m.name}
            </span>
          </label>
        ))}
      </div>
      {error && <p className="field__error">{error}</p>}
    </fieldset>
  );
}
