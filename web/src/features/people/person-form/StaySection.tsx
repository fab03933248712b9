// The stay abroad: status, employer, dates, the registering mission and how long the record is kept.
import { STATUSES_ABROAD, type Mission } from '@siaga/contracts';
import { useTranslation } from 'react-i18next';
import { SelectField, TextField } from '../../../components/Field';
import { useChoices } from '../../../components/options';
import { missionOptions } from '../../missions/mission-options';
import { Section, fieldSetter, type SectionProps } from './parts';

export function StaySection(props: SectionProps & { missions: Mission[] }) {
  const { draft, errors, missions } = props;
  const { t } = useTranslation();
  const choices = useChoices();
  const set = fieldSetter(props);
  return (
    <Section title={t('person.sections.stay')} id="stay">
      <SelectField
        label={t('person.statusAbroad')}
        name="statusAbroad"
        value={draft.statusAbroad}
        onChange={set('statusAbroad')}
        options={choices('statusAbroad', STATUSES_ABROAD)}
        error={errors.statusAbroad}
      />
      <TextField
        label={t('person.employer')}
        name="employer"
        hint={t('person.employerHint')}
        value={draft.employer}
        onChange={set('employer')}
        error={errors.employer}
      />
      <TextField
        label={t('person.stayFrom')}
        name="stayFrom"
        type="date"
        value={draft.stayFrom}
        onChange={set('stayFrom')}
        error={errors.stayFrom}
      />
      <TextField
        label={t('person.stayUntil')}
        name="stayUntil"
        type="date"
        value={draft.stayUntil}
        onChange={set('stayUntil')}
        error={errors.stayUntil}
      />
      <SelectField
        label={t('person.registeringMission')}
        name="missionCode"
        hint={t('person.registeringMissionHint')}
        value={draft.missionCode}
        onChange={set('missionCode')}
        options={missionOptions(
          missions,
          draft.missionCode,
          t('person.noMission'),
          (m) => `${m.code} · ${m.name}`,
        )}
        error={errors.missionCode}
      />
      <TextField
        label={t('person.retainUntil')}
        name="retainUntil"
        type="date"
        hint={t('person.retainUntilHint')}
        value={draft.retainUntil}
        onChange={set('retainUntil')}
        error={errors.retainUntil}
      />
    </Section>
  );
}
