// Which kind of hazard an event is, from what each source says: CAP SAME codes, event text, event codes,
// headline and category (CAP 1.2 §3.2.2); GDACS event types; USGS event types. Controlled vocabularies
// are trusted before free text, and free text before the broad CAP category.
import type { HazardKind } from './types';

/**
 * Free-text patterns in the order they are tried: the first match wins, so the specific comes before
 * the general (tsunami before earthquake, tropical storm before storm, storm surge before storm).
 * English first, with the French, Spanish and Indonesian words that official feeds use.
 */
const TEXT_PATTERNS: [RegExp, HazardKind][] = [
  [/tsunami/, 'tsunami'],
  [/earthquake|\bquake|seismic|s[eé]isme|sismo|terremoto|tremblement de terre|\bgempa/, 'earthquake'],
  [/volcan|vulkan|eruption|\bash ?fall|lahar|gunung ?api/, 'volcano'],
  [
    /hurricane|typhoon|cyclone|tropical (storm|depression)|ouragan|temp[eê]te tropicale|hurac[aá]n|tif[oó]n|\btopan/,
    'tropical_cyclone',
  ],
  [
    /flood|storm surge|dam (break|failure)|hydrologic|inondation|\bcrue|inundaci|\bbanjir|high water/,
    'flood',
  ],
  [
    /wild ?fire|bush ?fire|forest ?fire|grass ?fire|scrub ?fire|fire weather|red flag|feux? de for[eê]t|incendio forestal|kebakaran hutan/,
    'wildfire',
  ],
  [/drought|s[eé]cheresse|sequ[ií]a|kekeringan/, 'drought'],
  // Avalanches are mass movements too; HazardKind has no class of its own for snow.
  [
    /landslide|mudslide|mud ?flow|debris flow|rock ?fall|avalanche|glissement de terrain|deslizamiento|longsor/,
    'landslide',
  ],
  [
    /\bheat|\bcold\b|\bfreez|\bfrost|wind ?chill|hypotherm|canicule|chaleur|grand froid|temperature/,
    'extreme_temperature',
  ],
  [
    /epidemic|pandemic|outbreak|disease|cholera|ebola|measles|influenza|covid|dengue|plague|mpox|[eé]pid[eé]mie|epidemia|\bwabah/,
    'epidemic',
  ],
  [
    /chemical|hazmat|hazardous material|toxic|radiolog|nuclear|radiation|biolog|gas leak|chimique|qu[ií]mic/,
    'chemical',
  ],
  [
    /\briot|unrest|protest|demonstration|civil disturbance|[eé]meute|manifestation|disturbio|kerusuhan|demonstrasi/,
    'civil_unrest',
  ],
  [
    /conflict|\barmed|\bwar\b|military|terror|shooting|attack|\bbomb|missile|air raid|guerre|guerra|hostilit/,
    'conflict',
  ],
  // Named here so that the Met category's 'storm' default does not claim them.
  [
    /air quality|air stagnation|rip current|beach hazard|high surf|\bfog\b|small craft|child abduction|amber alert/,
    'other',
  ],
  [
    /storm|thunder|tornado|\bwind|\bgale|blizzard|\bsnow|\bhail|squall|winter|\bice\b|sleet|\brain|orage|temp[eê]te|tormenta|lluvia|\bhujan|angin|puting beliung/,
    'storm',
  ],
];

/** SAME event codes (47 CFR §11.31), which US and Canadian CAP carry in eventCode. */
const SAME_CODES: Record<string, HazardKind> = {
  EQW: 'earthquake',
  TSA: 'tsunami',
  TSW: 'tsunami',
  VOW: 'volcano',
  HUA: 'tropical_cyclone',
  HUW: 'tropical_cyclone',
  HLS: 'tropical_cyclone',
  TRA: 'tropical_cyclone',
  TRW: 'tropical_cyclone',
  TYA: 'tropical_cyclone',
  TYW: 'tropical_cyclone',
  FFA: 'flood',
  FFW: 'flood',
  FFS: 'flood',
  FLA: 'flood',
  FLW: 'flood',
  FLS: 'flood',
  CFA: 'flood',
  CFW: 'flood',
  SSA: 'flood',
  SSW: 'flood',
  DBA: 'flood',
  DBW: 'flood',
  FRW: 'wildfire',
  FWW: 'wildfire',
  AVA: 'landslide',
  AVW: 'landslide',
  LSW: 'landslide',
  EHA: 'extreme_temperature',
  EHW: 'extreme_temperature',
  ECA: 'extreme_temperature',
  ECW: 'extreme_temperature',
  HMW: 'chemical',
  NUW: 'chemical',
  RHW: 'chemical',
  BHW: 'chemical',
  SVA: 'storm',
  SVR: 'storm',
  SVS: 'storm',
  TOA: 'storm',
  TOR: 'storm',
  SQW: 'storm',
  WSA: 'storm',
  WSW: 'storm',
  BZW: 'storm',
  HWA: 'storm',
  HWW: 'storm',
  DSW: 'storm',
  SMW: 'storm',
};

/** CAP 1.2 §3.2.2 category, when nothing more specific is said. */
const CATEGORY_KINDS: Record<string, HazardKind> = {
  Met: 'storm',
  Fire: 'wildfire',
  CBRNE: 'chemical',
  Health: 'epidemic',
  Security: 'conflict',
};

export function kindFromText(text: string | undefined): HazardKind | undefined {
  if (!text) return undefined;
  const lower = text.toLowerCase();
  return TEXT_PATTERNS.find(([pattern]) => pattern.test(lower))?.[1];
}

export interface CapKindInput {
  categories: string[];
  event?: string;
  headline?: string;
  eventCodes: { name: string; value: string }[];
}

export function kindFromCap(info: CapKindInput): HazardKind {
  for (const code of info.eventCodes) {
    const kind = /^SAME$/i.test(code.name) ? SAME_CODES[code.value.trim().toUpperCase()] : undefined;
    if (kind) return kind;
  }
  const fromText =
    kindFromText(info.event) ??
    info.eventCodes.map((c) => kindFromText(c.value)).find((k) => k !== undefined) ??
    kindFromText(info.headline);
  if (fromText) return fromText;
  for (const category of info.categories) {
    const kind = CATEGORY_KINDS[category];
    if (kind) return kind;
  }
  return 'other';
}

const GDACS_TYPES: Record<string, HazardKind> = {
  EQ: 'earthquake',
  TC: 'tropical_cyclone',
  FL: 'flood',
  VO: 'volcano',
  DR: 'drought',
  WF: 'wildfire',
  TS: 'tsunami',
};

export const kindFromGdacs = (eventType: string): HazardKind =>
  GDACS_TYPES[eventType.toUpperCase()] ?? 'other';

/**
 * USGS `properties.type`: the earthquake feeds also carry volcanic eruptions, quarry blasts,
 * explosions and ice quakes. Only the first two are hazards of a known kind.
 */
export function kindFromUsgs(type: unknown): HazardKind {
  if (type === undefined || type === null || type === 'earthquake') return 'earthquake';
  if (typeof type === 'string' && /volcan/i.test(type)) return 'volcano';
  return 'other';
}
