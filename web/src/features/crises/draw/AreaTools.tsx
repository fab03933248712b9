// The tools beside the drawing map: draw a polygon (Finish area, Clear), place a circle with its
// radius, add a whole country or an admin-1 area, or read polygons from a GeoJSON file.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Field, SelectField, TextField } from '../../../components/Field';
import { currentLanguage } from '../../../i18n';
import type { GeoCountry } from '../../geo/geo.api';
import type { AreaDraft, Tool } from './useAreaDraft';

interface Props {
  draft: AreaDraft;
  countries: GeoCountry[] | null;
}

export function AreaTools({ draft, countries }: Props) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const [country, setCountry] = useState('');
  const [admin1, setAdmin1] = useState('');
  const [busy, setBusy] = useState(false);
  const toolButton = (tool: Tool, label: string) => (
    <button
      type="button"
      className={
        draft.tool === tool
          ? 'button button--small button--primary'
          : 'button button--small button--secondary'
      }
      aria-pressed={draft.tool === tool}
      onClick={() => draft.choose(draft.tool === tool ? 'none' : tool)}
    >
      {label}
    </button>
  );
  const pickCountry = () => {
    const code = country.trim().toUpperCase();
    const known = countries?.find((c) => c.code === code);
    draft.addCountry(code, known?.bbox ?? null);
    setCountry('');
  };
  const sortedCountries = [...(countries ?? [])].sort((a, b) =>
    a.name[lang].localeCompare(b.name[lang], lang),
  );

  return (
    <div className="area-tools" data-testid="area-tools">
      <div className="area-tools__row" role="group" aria-label={t('crisisNew.drawTools')}>
        {toolButton('polygon', t('crisisNew.toolPolygon'))}
        {toolButton('circle', t('crisisNew.toolCircle'))}
        {draft.tool === 'polygon' && (
          <>
            <span className="muted area-tools__hint" data-testid="vertex-count">
              {t('crisisNew.vertices', { n: draft.vertices.length })}
            </span>
            <button
              type="button"
              className="button button--small button--primary"
              data-testid="finish-area"
              disabled={draft.vertices.length < 3}
              onClick={() => draft.finishPolygon()}
            >
              {t('crisisNew.finish')}
            </button>
          </>
        )}
        {draft.tool === 'circle' && (
          <>
            <span className="muted area-tools__hint">
              {draft.center
                ? t('crisisNew.centerAt', {
                    lat: draft.center[1].toFixed(4),
                    lon: draft.center[0].toFixed(4),
                  })
                : t('crisisNew.clickCenter')}
            </span>
            <label className="area-tools__radius">
              <span>{t('crisisNew.radiusKm')}</span>
              <input
                name="radiusKm"
                inputMode="decimal"
                value={draft.radius}
                onChange={(e) => draft.setRadius(e.target.value)}
              />
            </label>
            <button type="button" className="button button--small button--primary" onClick={draft.addCircle}>
              {t('crisisNew.addCircle')}
            </button>
          </>
        )}
        {draft.tool !== 'none' && (
          <button type="button" className="button button--small button--link" onClick={draft.clear}>
            {t('crisisNew.clear')}
          </button>
        )}
      </div>
      <p className="field__hint">
        {draft.tool === 'polygon' ? t('crisisNew.polygonHint') : t('crisisNew.toolsHint')}
      </p>
      <div className="area-tools__grid">
        <div className="area-tools__add">
          {countries && countries.length > 0 ? (
            <SelectField
              label={t('crisisNew.wholeCountry')}
              name="areaCountry"
              value={country}
              onChange={setCountry}
              options={[
                { value: '', label: t('crisisNew.chooseCountry') },
                ...sortedCountries.map((c) => ({ value: c.code, label: `${c.name[lang]} (${c.code})` })),
              ]}
            />
          ) : (
            <TextField
              label={t('crisisNew.wholeCountry')}
              name="areaCountry"
              placeholder="MY"
              maxLength={2}
              value={country}
              onChange={(v) => setCountry(v.toUpperCase())}
            />
          )}
          <button
            type="button"
            className="button button--small button--secondary"
            disabled={!country}
            onClick={pickCountry}
          >
            {t('crisisNew.add')}
          </button>
        </div>
        <div className="area-tools__add">
          <TextField
            label={t('crisisNew.admin1')}
            name="areaAdmin1"
            hint={t('crisisNew.admin1Hint')}
            value={admin1}
            onChange={(v) => setAdmin1(v.toUpperCase())}
          />
          <button
            type="button"
            className="button button--small button--secondary"
            disabled={!admin1.trim() || busy}
            onClick={() => {
              setBusy(true);
              void draft.addAdmin1(admin1).then((ok) => {
                setBusy(false);
                if (ok) setAdmin1('');
              });
            }}
          >
            {busy ? t('common.working') : t('crisisNew.add')}
          </button>
        </div>
        <Field label={t('crisisNew.file')} hint={t('crisisNew.fileHint')}>
          {(control) => (
            <input
              {...control}
              type="file"
              name="areaFile"
              accept=".geojson,.json,application/geo+json,application/json"
              onChange={(e) => {
                const file = e.target.files?.[0];
                e.target.value = '';
                if (file) void draft.addFile(file);
              }}
            />
          )}
        </Field>
      </div>
    </div>
  );
}
