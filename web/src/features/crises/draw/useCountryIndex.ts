// The countries an officer can pick, and which countries each drawn area touches, to prefill the
// crisis's countries. Uses the gazetteer (codes and names) and the basemap's own boundaries.
import type { AreaInput } from '@siaga/contracts';
import type { FeatureCollection } from 'geojson';
import { useEffect, useMemo, useState } from 'react';
import { loadCountries } from '../../../map/basemap-style';
import { geoApi, type GeoCountry } from '../../geo/geo.api';
import { circlePolygon, countriesTouching } from '../geometry';

let basemap: Promise<FeatureCollection> | null = null;
const basemapCountries = () => {
  basemap ??= loadCountries('110m').catch((err: unknown) => {
    basemap = null;
    throw err;
  });
  return basemap;
};

const numericKey = (n: string | number) => String(n).padStart(3, '0');

/** "MY-14" or "MY.KL" → "MY" */
const countryOfAdmin1 = (code: string) => /^([A-Z]{2})[-.]/.exec(code.toUpperCase())?.[1] ?? null;

export function useCountryIndex() {
  const [countries, setCountries] = useState<GeoCountry[] | null>(null);
  const [shapes, setShapes] = useState<FeatureCollection | null>(null);

  useEffect(() => {
    let live = true;
    geoApi
      .countries()
      .then((items) => live && setCountries(items))
      .catch(() => live && setCountries([]));
    basemapCountries()
      .then((fc) => live && setShapes(fc))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, []);

  const byNumeric = useMemo(
    () => new Map((countries ?? []).map((c) => [numericKey(c.numeric), c.code])),
    [countries],
  );

  const countriesOf = useMemo(
    () =>
      (input: AreaInput): string[] => {
        if (input.kind === 'country') return [input.country];
        if (input.kind === 'admin1') {
          const c = countryOfAdmin1(input.code);
          return c ? [c] : [];
        }
        if (!shapes) return [];
        const geometry =
          input.kind === 'polygon' ? input.geometry : circlePolygon(input.center, input.radiusKm);
        return countriesTouching(geometry, shapes).flatMap((id) => {
          const code = byNumeric.get(numericKey(id));
          return code ? [code] : [];
        });
      },
    [shapes, byNumeric],
  );

  return { countries, countriesOf };
}
