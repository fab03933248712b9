// The areas of a crisis being declared, and the tools that add them: a polygon drawn vertex by
// vertex, a circle (centre on the map, radius typed), whole countries, admin-1 areas and polygons
// from a GeoJSON file. Each addition also says where the map should look.
import type { AreaInput } from '@siaga/contracts';
import { useRef, useState } from 'react';
import { ApiError } from '../../../api/client';
import { geoApi } from '../../geo/geo.api';
import { bboxOf, circlePolygon, closedRing, type Bbox, type LonLat } from '../geometry';
import { MAX_GEOJSON_BYTES, areasFromGeoJson } from '../geojson-file';

export type Tool = 'polygon' | 'circle' | 'none';

export interface DraftArea {
  key: string;
  input: AreaInput;
}

/** Why an addition was refused, as a key under crisisNew.problems. */
export type AreaProblem =
  | 'tooFewVertices'
  | 'noCenter'
  | 'badRadius'
  | 'noCountry'
  | 'duplicate'
  | 'admin1NotFound'
  | 'unreadable'
  | 'noPolygons'
  | 'tooMany'
  | 'tooLarge'
  | 'lookupFailed';

const MAX_AREAS = 50;
let counter = 0;
const keyOf = () => `area-${++counter}`;

const extentOf = (input: AreaInput): Bbox | null => {
  if (input.kind === 'polygon')
    return bboxOf([{ type: 'Feature', geometry: input.geometry, properties: {} }]);
  if (input.kind === 'circle')
    return bboxOf([
      { type: 'Feature', geometry: circlePolygon(input.center, input.radiusKm), properties: {} },
    ]);
  return null;
};

export function useAreaDraft() {
  const [areas, setAreas] = useState<DraftArea[]>([]);
  const [tool, setTool] = useState<Tool>('polygon');
  const [vertices, setVertexState] = useState<LonLat[]>([]);
  // Read by the handlers directly: a double-click's two clicks and the double-click itself arrive
  // before React has rendered the vertices they added.
  const drawn = useRef<LonLat[]>([]);
  const setVertices = (next: LonLat[]) => {
    drawn.current = next;
    setVertexState(next);
  };
  const [center, setCenter] = useState<LonLat | null>(null);
  const [radius, setRadius] = useState('25');
  const [focus, setFocus] = useState<Bbox | null>(null);
  const [problem, setProblem] = useState<AreaProblem | null>(null);
  const [notice, setNotice] = useState<{ added: number; skipped: number } | null>(null);

  const radiusKm = (() => {
    const n = Number(radius.replace(',', '.'));
    return Number.isFinite(n) && n > 0 && n <= 5000 ? n : null;
  })();

  const add = (inputs: AreaInput[], extent: Bbox | null): boolean => {
    if (areas.length + inputs.length > MAX_AREAS) {
      setProblem('tooMany');
      return false;
    }
    setAreas((prev) => [...prev, ...inputs.map((input) => ({ key: keyOf(), input }))]);
    setProblem(null);
    if (extent) setFocus(extent);
    return true;
  };

  const choose = (next: Tool) => {
    setTool(next);
    setVertices([]);
    setCenter(null);
    setProblem(null);
  };

  /** A click on the map. */
  const point = (p: LonLat) => {
    setNotice(null);
    if (tool === 'polygon') setVertices([...drawn.current, p]);
    else if (tool === 'circle') setCenter(p);
  };

  const finishPolygon = (dropLast = false) => {
    const ring = dropLast ? drawn.current.slice(0, -1) : drawn.current;
    if (ring.length < 3) {
      setProblem('tooFewVertices');
      if (dropLast) setVertices(ring);
      return;
    }
    if (add([{ kind: 'polygon', geometry: { type: 'Polygon', coordinates: [closedRing(ring)] } }], null)) {
      setVertices([]);
    }
  };

  const addCircle = () => {
    if (!center) return setProblem('noCenter');
    if (!radiusKm) return setProblem('badRadius');
    const input: AreaInput = { kind: 'circle', center: { lon: center[0], lat: center[1] }, radiusKm };
    if (add([input], extentOf(input))) setCenter(null);
  };

  const addCountry = (code: string, bbox: Bbox | null) => {
    if (!/^[A-Z]{2}$/.test(code)) return setProblem('noCountry');
    if (areas.some((a) => a.input.kind === 'country' && a.input.country === code))
      return setProblem('duplicate');
    add([{ kind: 'country', country: code }], bbox);
  };

  /** Admin-1 codes are checked against the gazetteer before they are added. */
  const addAdmin1 = async (typed: string): Promise<boolean> => {
    const code = typed.trim().toUpperCase();
    if (code.length < 2) {
      setProblem('admin1NotFound');
      return false;
    }
    if (areas.some((a) => a.input.kind === 'admin1' && a.input.code === code)) {
      setProblem('duplicate');
      return false;
    }
    try {
      const boundary = await geoApi.admin1Boundary(code);
      return add([{ kind: 'admin1', code }], bboxOf([boundary]));
    } catch (err) {
      setProblem(err instanceof ApiError && err.status === 404 ? 'admin1NotFound' : 'lookupFailed');
      return false;
    }
  };

  const addFile = async (file: File) => {
    setNotice(null);
    if (file.size > MAX_GEOJSON_BYTES) return setProblem('tooLarge');
    const result = areasFromGeoJson(await file.text(), file.name);
    if (!result.ok) return setProblem(result.reason);
    const extent = bboxOf(
      result.areas.flatMap((a) =>
        a.kind === 'polygon' ? [{ type: 'Feature' as const, geometry: a.geometry, properties: {} }] : [],
      ),
    );
    if (add(result.areas, extent)) setNotice({ added: result.areas.length, skipped: result.skipped });
  };

  const remove = (key: string) => setAreas((prev) => prev.filter((a) => a.key !== key));

  /** Drops the polygon or circle being drawn; the areas already added stay. */
  const clear = () => {
    setVertices([]);
    setCenter(null);
    setProblem(null);
  };

  return {
    areas,
    tool,
    vertices,
    center,
    radius,
    radiusKm,
    focus,
    problem,
    notice,
    setRadius,
    setFocus,
    choose,
    point,
    finishPolygon,
    addCircle,
    addCountry,
    addAdmin1,
    addFile,
    remove,
    clear,
  };
}

export type AreaDraft = ReturnType<typeof useAreaDraft>;
