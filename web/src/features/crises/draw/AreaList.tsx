// The areas added so far, each with what it is and a button to remove it.
import { useTranslation } from 'react-i18next';
import type { AreaInput } from '@siaga/contracts';
import { useFormat } from '../../people/format';
import type { DraftArea } from './useAreaDraft';

export function useAreaLabel() {
  const { t } = useTranslation();
  const f = useFormat();
  return (input: AreaInput, index: number): string => {
    switch (input.kind) {
      case 'polygon': {
        const ring =
          input.geometry.type === 'Polygon'
            ? input.geometry.coordinates[0]
            : input.geometry.coordinates[0]?.[0];
        const kind =
          input.geometry.type === 'MultiPolygon' ? t('areaKinds.multipolygon') : t('areaKinds.polygon');
        return (
          input.name ??
          t('crisisNew.polygonLabel', { kind, n: index + 1, vertices: Math.max(0, (ring?.length ?? 1) - 1) })
        );
      }
      case 'circle':
        return t('crisisNew.circleLabel', {
          km: f.number(input.radiusKm),
          lat: input.center.lat.toFixed(3),
          lon: input.center.lon.toFixed(3),
        });
      case 'country':
        return `${f.country(input.country)} (${input.country})`;
      case 'admin1':
        return t('crisisNew.admin1Label', { code: input.code });
    }
  };
}

/** Drawn areas without a name are named for the officer's language ("Drawn area 2", a circle's centre). */
export function useAreaNames() {
  const { t } = useTranslation();
  const label = useAreaLabel();
  return (inputs: AreaInput[]): AreaInput[] =>
    inputs.map((input, i) => {
      if (input.name || (input.kind !== 'polygon' && input.kind !== 'circle')) return input;
      return {
        ...input,
        name: input.kind === 'polygon' ? t('crisisNew.polygonName', { n: i + 1 }) : label(input, i),
      };
    });
}

export function AreaList({
  areas,
  onRemove,
  error,
}: {
  areas: DraftArea[];
  onRemove: (key: string) => void;
  error?: string | undefined;
}) {
  const { t } = useTranslation();
  const label = useAreaLabel();
  return (
    <div className={error ? 'area-list field--error' : 'area-list'}>
      <h3>{t('crisisNew.areas')}</h3>
      {areas.length === 0 && <p className="muted">{t('crisisNew.noAreas')}</p>}
      {areas.length > 0 && (
        <ul className="area-list__items" data-testid="area-list">
          {areas.map((a, i) => (
            <li key={a.key} data-kind={a.input.kind}>
              <span className="chip">{t(`areaKinds.${a.input.kind}`)}</span> <span>{label(a.input, i)}</span>
              <button type="button" className="button button--link" onClick={() => onRemove(a.key)}>
                {t('crisisNew.remove')}
              </button>
            </li>
          ))}
        </ul>
      )}
      {error && <p className="field__error">{error}</p>}
    </div>
  );
}
