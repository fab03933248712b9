// One hazard event in the list: what, how severe, where, when and how many nationals are inside;
// for officers, the radius around a point event and promotion to a crisis.
import { CRISIS_TYPES, type HazardEvent } from '@siaga/contracts';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { SelectField, TextField } from '../../components/Field';
import { ErrorNotice } from '../../components/Notice';
import { SubmitButton } from '../../components/SubmitButton';
import { useChoices } from '../../components/options';
import { useAction } from '../../components/useAction';
import { Link, navigate } from '../../router';
import { useFormat } from '../people/format';
import { hazardsApi } from './hazards.api';

interface Props {
  event: HazardEvent;
  canWrite: boolean;
  columns: number;
  onChange: (event: HazardEvent) => void;
}

export function HazardRow({ event: e, canWrite, columns, onChange }: Props) {
  const { t } = useTranslation();
  const f = useFormat();
  const choices = useChoices();
  const [radius, setRadius] = useState(e.area.radiusKm === null ? '' : String(e.area.radiusKm));
  const [promoting, setPromoting] = useState(false);
  const [type, setType] = useState<string>('natural_disaster');
  const [title, setTitle] = useState(e.title.slice(0, 200));
  const radiusAction = useAction();
  const promoteAction = useAction();
  const radiusKm = Number(radius.replace(',', '.'));
  const radiusValid = Number.isFinite(radiusKm) && radiusKm > 0 && radiusKm <= 3000;

  const saveRadius = () =>
    void radiusAction.run(async () => {
      onChange(await hazardsApi.setRadius(e.id, radiusKm));
    });

  const promote = (event: FormEvent) => {
    event.preventDefault();
    void promoteAction.run(async () => {
      const crisis = await hazardsApi.promote(e.id, {
        type: type as (typeof CRISIS_TYPES)[number],
        ...(title.trim().length >= 3 ? { title: title.trim() } : {}),
      });
      navigate(`/crises/${crisis.id}?declared=1`);
    });
  };

  return (
    <>
      <tr data-hazard={e.id} data-source={e.source} className={e.cancelled ? 'is-cancelled' : undefined}>
        <td className="nowrap">{t(`hazardSources.${e.source}`)}</td>
        <td>{e.kind}</td>
        <td>
          <span className={`severity severity--${e.severity}`}>{t(`hazardSeverities.${e.severity}`)}</span>
        </td>
        <td>
          {e.link ? (
            <a href={e.link} target="_blank" rel="noreferrer noopener">
              {e.title}
            </a>
          ) : (
            e.title
          )}
          {e.magnitude !== null && <span className="muted"> · M{e.magnitude}</span>}{' '}
          {e.cancelled && <span className="status status--cancelled">{t('hazards.cancelled')}</span>}
          {e.revisions > 1 && <span className="muted"> · {t('hazards.revisions', { n: e.revisions })}</span>}
        </td>
        <td>{e.countries.join(', ') || '—'}</td>
        <td className="nowrap">
          <time dateTime={e.sentAt}>{f.dateTime(e.sentAt)}</time>
        </td>
        <td className="num" data-testid="hazard-affected">
          {f.number(e.affectedNationals)}
        </td>
        <td className="nowrap">
          {e.area.point && canWrite && !e.cancelled ? (
            <span className="radius-edit">
              <input
                aria-label={t('hazards.radiusFor', { title: e.title })}
                name="radiusKm"
                inputMode="decimal"
                value={radius}
                onChange={(ev) => setRadius(ev.target.value)}
              />
              <span>km</span>
              <button
                type="button"
                className="button button--small button--secondary"
                disabled={!radiusValid || radiusAction.busy || radiusKm === e.area.radiusKm}
                onClick={saveRadius}
              >
                {t('common.save')}
              </button>
            </span>
          ) : e.area.radiusKm !== null ? (
            `${f.number(e.area.radiusKm)} km`
          ) : (
            '—'
          )}
        </td>
        <td className="table__actions">
          {e.crisisId ? (
            <Link to={`/crises/${e.crisisId}`}>{t('hazards.openCrisis')}</Link>
          ) : (
            canWrite &&
            !e.cancelled && (
              <button
                type="button"
                className="button button--small button--primary"
                onClick={() => setPromoting((p) => !p)}
              >
                {t('hazards.promote')}
              </button>
            )
          )}
        </td>
      </tr>
      {radiusAction.error !== null && (
        <tr className="table__edit">
          <td colSpan={columns}>
            <ErrorNotice error={radiusAction.error} />
          </td>
        </tr>
      )}
      {promoting && (
        <tr className="table__edit">
          <td colSpan={columns}>
            <form className="inline-form" onSubmit={promote} data-testid="promote-form">
              <ErrorNotice error={promoteAction.error} />
              <SelectField
                label={t('crisis.type')}
                name="promoteType"
                value={type}
                onChange={setType}
                options={choices('crisisTypes', CRISIS_TYPES)}
              />
              <TextField
                label={t('crisis.titleField')}
                name="promoteTitle"
                value={title}
                onChange={setTitle}
                maxLength={200}
              />
              <SubmitButton label={t('hazards.promoteSubmit')} busy={promoteAction.busy} />
              <button type="button" className="button button--secondary" onClick={() => setPromoting(false)}>
                {t('common.cancel')}
              </button>
            </form>
          </td>
        </tr>
      )}
    </>
  );
}
