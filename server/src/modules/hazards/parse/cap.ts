// CAP alerts (OASIS CAP 1.2, and the 1.1 and 1.0 namespaces): validation against the rules of
// CAP 1.2 §3.2–§3.3 that matter for acting on an alert, and the mapping of one valid <alert> to one
// ParsedHazard. An alert that breaks a rule is rejected whole, with every problem found, never trimmed.
import { isoOf, parseCapDateTime } from './dates';
import { kindFromCap } from './kinds';
import { DEFAULT_DEPTH_KM, earthquakeRadiusKm, levelOfSeverity, levelRadiusKm } from './radius';
import type { HazardArea, HazardSeverity, ParsedHazard, Rejection, Yield } from './types';
import { childNamed, childrenNamed, elements, textOf, type XmlElement } from './xml';

export const CAP_NAMESPACES = {
  'urn:oasis:names:tc:emergency:cap:1.2': '1.2',
  'urn:oasis:names:tc:emergency:cap:1.1': '1.1',
  'http://www.incident.com/cap/1.0': '1.0',
} as const;
export type CapVersion = (typeof CAP_NAMESPACES)[keyof typeof CAP_NAMESPACES];
export const CAP_NS_LIST: readonly string[] = Object.keys(CAP_NAMESPACES);

/** An <alert> in a CAP namespace, or in none (some senders omit it; the content decides). */
export function isCapAlert(el: XmlElement): boolean {
  if (el.name !== 'alert') return false;
  if (CAP_NS_LIST.includes(el.ns)) return true;
  return el.ns === '' && childNamed(el, 'identifier', '') !== undefined;
}

const capVersion = (ns: string): CapVersion => CAP_NAMESPACES[ns as keyof typeof CAP_NAMESPACES] ?? '1.2';

// CAP 1.2 §3.2.1 and §3.2.2 enumerations. Draft, CBRNE, Avoid and AllClear arrived in 1.1/1.2 but are
// accepted in older namespaces too: refusing an alert for using a newer word helps nobody.
const STATUS = ['Actual', 'Exercise', 'System', 'Test', 'Draft'] as const;
const MSG_TYPE = ['Alert', 'Update', 'Cancel', 'Ack', 'Error'] as const;
const SCOPE = ['Public', 'Restricted', 'Private'] as const;
const CATEGORY = [
  'Geo',
  'Met',
  'Safety',
  'Security',
  'Rescue',
  'Fire',
  'Health',
  'Env',
  'Transport',
  'Infra',
  'CBRNE',
  'Other',
] as const;
const RESPONSE_TYPE = [
  'Shelter',
  'Evacuate',
  'Prepare',
  'Execute',
  'Avoid',
  'Monitor',
  'Assess',
  'AllClear',
  'None',
] as const;
const URGENCY = ['Immediate', 'Expected', 'Future', 'Past', 'Unknown'] as const;
const SEVERITY = ['Extreme', 'Severe', 'Moderate', 'Minor', 'Unknown'] as const;
const CERTAINTY_12 = ['Observed', 'Likely', 'Possible', 'Unlikely', 'Unknown'] as const;
// CAP 1.1 deprecated "Very Likely" (1.0's word) and 1.2 removed it.
const CERTAINTY_OLD = [...CERTAINTY_12, 'Very Likely'] as const;

interface Problem {
  code: string;
  path: string;
  message: string;
}

/** Every rule an alert breaks, in document order; the first names the rejection. */
export class Problems {
  readonly list: Problem[] = [];

  add(code: string, path: string, message: string): void {
    this.list.push({ code, path, message });
  }

  get empty(): boolean {
    return this.list.length === 0;
  }

  rejection(subject: string, itemIndex: number | undefined): Rejection {
    const [first = { code: 'cap.invalid', path: '', message: 'the alert is incomplete' }, ...rest] =
      this.list;
    const shown = rest.slice(0, 9).map((p) => p.message);
    const more = rest.length > 9 ? `; and ${rest.length - 9} more` : '';
    const message = `${subject}: ${first.message}${rest.length ? `; also ${shown.join('; ')}${more}` : ''}`;
    return {
      code: first.code,
      message,
      ...(first.path ? { path: first.path } : {}),
      ...(itemIndex === undefined ? {} : { itemIndex }),
    };
  }
}

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;

function latLon(latText: string, lonText: string): { lat: number; lon: number } | string {
  if (!NUMBER.test(latText) || !NUMBER.test(lonText))
    return `'${latText},${lonText}' is not a "lat,lon" pair`;
  const lat = Number(latText);
  const lon = Number(lonText);
  if (lat < -90 || lat > 90) return `latitude ${latText} is outside -90..90`;
  if (lon < -180 || lon > 180) return `longitude ${lonText} is outside -180..180`;
  return { lat, lon };
}

/**
 * CAP 1.2 §3.2.4 polygon: whitespace-separated "lat,lon" WGS 84 pairs, at least four, the first and
 * last the same. Returns a GeoJSON ring in [lon, lat] order, or why not.
 */
export function parseCapPolygon(value: string): number[][] | string {
  const tokens = value.trim().split(/\s+/);
  const ring: number[][] = [];
  for (const token of tokens) {
    const parts = token.split(',');
    if (parts.length !== 2) return `'${token}' is not a "lat,lon" pair`;
    const point = latLon(parts[0]!, parts[1]!);
    if (typeof point === 'string') return point;
    ring.push([point.lon, point.lat]);
  }
  if (ring.length < 4) return `a polygon needs at least 4 coordinate pairs, this one has ${ring.length}`;
  const first = ring[0]!;
  const last = ring[ring.length - 1]!;
  if (first[0] !== last[0] || first[1] !== last[1])
    return 'the polygon is not closed (first and last pairs differ)';
  return ring;
}

/** CAP 1.2 §3.2.4 circle: "lat,lon radius", the radius in kilometres. */
export function parseCapCircle(value: string): { lon: number; lat: number; radiusKm: number } | string {
  const m = /^([^,\s]+)\s*,\s*([^,\s]+)\s+([^,\s]+)$/.exec(value.trim());
  if (!m) return `'${value.trim()}' is not "lat,lon radius"`;
  const point = latLon(m[1]!, m[2]!);
  if (typeof point === 'string') return point;
  if (!NUMBER.test(m[3]!) || Number(m[3]) < 0) return `radius '${m[3]}' is not a non-negative number of km`;
  return { lon: point.lon, lat: point.lat, radiusKm: Number(m[3]) };
}

/**
 * CAP 1.2 §3.2.1 references: whitespace-separated "sender,identifier,sent" triples. Neither sender nor
 * identifier may contain a comma, so a triple splits exactly. CAP 1.0 wrote "sender,identifier" pairs;
 * those become keys without the sent part.
 */
export function parseCapReferences(value: string, version: CapVersion): string[] | string {
  const keys: string[] = [];
  for (const token of value.trim().split(/\s+/).filter(Boolean)) {
    const parts = token.split(',');
    if (parts.length === 2 && version === '1.0' && parts.every(Boolean)) {
      keys.push(`${parts[0]}|${parts[1]}`);
      continue;
    }
    if (parts.length !== 3 || !parts[0] || !parts[1] || !parts[2])
      return `'${token}' is not "sender,identifier,sent"`;
    if (parseCapDateTime(parts[2]) === undefined) return `'${parts[2]}' in '${token}' is not a CAP dateTime`;
    keys.push(`${parts[0]}|${parts[1]}|${parts[2]}`);
  }
  return keys;
}

/** Reads CAP elements of one namespace (or any CAP namespace), collecting problems as it goes. */
export class CapReader {
  constructor(
    readonly ns: string | readonly string[],
    readonly problems: Problems,
    readonly version: CapVersion,
  ) {}

  all(el: XmlElement, name: string): XmlElement[] {
    return childrenNamed(el, name, this.ns);
  }

  text(el: XmlElement, name: string): string | undefined {
    const child = childNamed(el, name, this.ns);
    return child ? textOf(child) : undefined;
  }

  /** A required string element: missing or empty is a problem. */
  required(el: XmlElement, name: string, path: string): string | undefined {
    const value = this.text(el, name);
    if (value === undefined)
      this.problems.add('cap.missing_field', `${path}.${name}`, `<${name}> is missing at ${path}`);
    else if (value === '')
      this.problems.add('cap.missing_field', `${path}.${name}`, `<${name}> is empty at ${path}.${name}`);
    return value || undefined;
  }

  enumValue<T extends string>(
    value: string | undefined,
    allowed: readonly T[],
    path: string,
    name: string,
  ): T | undefined {
    if (value === undefined) return undefined;
    if ((allowed as readonly string[]).includes(value)) return value as T;
    this.problems.add(
      'cap.invalid_enum',
      path,
      `${name} '${value}' at ${path} is not one of ${allowed.join(', ')} (CAP 1.2 ${path.includes('.info[') ? '§3.2.2' : '§3.2.1'})`,
    );
    return undefined;
  }

  /** A required enumerated element. */
  requiredEnum<T extends string>(
    el: XmlElement,
    name: string,
    allowed: readonly T[],
    path: string,
  ): T | undefined {
    const value = this.text(el, name);
    if (value === undefined) {
      this.problems.add('cap.missing_field', `${path}.${name}`, `<${name}> is missing at ${path}`);
      return undefined;
    }
    return this.enumValue(value, allowed, `${path}.${name}`, name);
  }

  optionalEnum<T extends string>(
    el: XmlElement,
    name: string,
    allowed: readonly T[],
    path: string,
  ): T | undefined {
    return this.enumValue(this.text(el, name), allowed, `${path}.${name}`, name);
  }

  dateTime(
    el: XmlElement,
    name: string,
    path: string,
    required: boolean,
  ): { raw: string; ms: number } | undefined {
    const raw = this.text(el, name);
    if (raw === undefined || raw === '') {
      if (required)
        this.problems.add('cap.missing_field', `${path}.${name}`, `<${name}> is missing at ${path}`);
      return undefined;
    }
    const ms = parseCapDateTime(raw);
    if (ms === undefined) {
      this.problems.add(
        'cap.invalid_datetime',
        `${path}.${name}`,
        `${name} '${raw}' at ${path}.${name} is not a dateTime with a time zone, e.g. 2002-05-24T16:49:00-07:00 (CAP 1.2 §3.3.2)`,
      );
      return undefined;
    }
    return { raw, ms };
  }

  /** valueName/value pairs (eventCode, parameter, geocode), paired in document order. */
  pairs(el: XmlElement): { name: string; value: string }[] {
    const out: { name: string; value: string }[] = [];
    let name: string | undefined;
    // Matched by local name: NWS Atom indexes put them in the Atom default namespace.
    for (const child of elements(el)) {
      if (child.name === 'valueName') name = textOf(child);
      else if (child.name === 'value' && name !== undefined) {
        out.push({ name, value: textOf(child) });
        name = undefined;
      }
    }
    return out;
  }

  /**
   * <area> content (CAP 1.2 §3.2.4). An empty <polygon> is skipped: NWS writes one for every zone-only
   * alert and there is no area in it to lose. A malformed one is a problem, never dropped quietly.
   */
  areaShapes(el: XmlElement, path: string, into: HazardArea, splitGeocodes: boolean): void {
    this.all(el, 'polygon').forEach((polygon, i) => {
      const text = textOf(polygon);
      if (text === '') return;
      const ring = parseCapPolygon(text);
      if (typeof ring === 'string') {
        this.problems.add(
          'cap.invalid_polygon',
          `${path}.polygon[${i}]`,
          `${ring} at ${path}.polygon[${i}] (CAP 1.2 §3.2.4)`,
        );
      } else into.polygons.push([ring]);
    });
    this.all(el, 'circle').forEach((circle, i) => {
      const text = textOf(circle);
      if (text === '') return;
      const parsed = parseCapCircle(text);
      if (typeof parsed === 'string') {
        this.problems.add(
          'cap.invalid_circle',
          `${path}.circle[${i}]`,
          `${parsed} at ${path}.circle[${i}] (CAP 1.2 §3.2.4)`,
        );
      } else into.circles.push(parsed);
    });
    for (const geocode of this.all(el, 'geocode')) {
      for (const pair of this.pairs(geocode)) {
        // Atom indexes pack several codes into one value; a CAP <geocode> holds one (§3.2.4).
        const values = splitGeocodes ? pair.value.split(/\s+/).filter(Boolean) : [pair.value];
        for (const value of values) into.geocodes.push({ name: pair.name, value });
      }
    }
  }
}

/** The first number in a parameter value such as "6.3" or "3.4 Ml". */
function leadingNumber(value: string | undefined): number | undefined {
  const m = value ? /[-+]?\d+(\.\d+)?/.exec(value) : null;
  return m ? Number(m[0]) : undefined;
}

/** A depth parameter such as "38.7 km (24.0 miles)" or "11.8 mi.", in km. */
function depthKm(value: string | undefined): number | undefined {
  const m = value ? /([-+]?\d+(?:\.\d+)?)\s*(km|mi)?/i.exec(value) : null;
  if (!m) return undefined;
  return m[2]?.toLowerCase() === 'mi' ? Number(m[1]) * 1.609344 : Number(m[1]);
}

/** Only http(s) links reach the console and the poller: no javascript:, file: or data: URLs. */
export function safeLink(value: string | undefined): string | undefined {
  if (!value) return undefined;
  try {
    const url = new URL(value.trim());
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

export interface InfoData {
  language: string;
  categories: string[];
  event?: string;
  urgency?: string;
  severity?: string;
  certainty?: string;
  headline?: string;
  description?: string;
  web?: string;
  onset?: number;
  expires?: number;
  eventCodes: { name: string; value: string }[];
  parameters: { name: string; value: string }[];
  areaDescs: string[];
}

/** Keeps the first of equal shapes: the same area repeated in each language's <info> is one area. */
function dedupeArea(area: HazardArea): HazardArea {
  const seen = new Set<string>();
  const once = <T>(items: T[]) =>
    items.filter((item) => {
      const key = JSON.stringify(item);
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  return {
    ...area,
    polygons: once(area.polygons),
    circles: once(area.circles),
    geocodes: once(area.geocodes),
  };
}

export const emptyArea = (): HazardArea => ({ polygons: [], circles: [], geocodes: [] });

const severityOf = (value: string | undefined): HazardSeverity =>
  value && (SEVERITY as readonly string[]).includes(value)
    ? (value.toLowerCase() as HazardSeverity)
    : 'unknown';

/**
 * For an alert located only by zero-radius circles (USGS and NSW RFS mark an epicentre or incident
 * this way), the first centre becomes the point and a radius is suggested around it.
 */
export function pointFromCircles(area: HazardArea, suggest: () => number): void {
  if (area.polygons.length > 0 || area.circles.length === 0) return;
  if (area.circles.some((c) => c.radiusKm > 0)) return;
  const first = area.circles[0]!;
  area.point = { lon: first.lon, lat: first.lat };
  area.suggestedRadiusKm = suggest();
}

export interface CapPlace {
  /** Path of the <alert> element, e.g. 'alert' or 'feed.entry[2].content.alert'. */
  path: string;
  itemIndex?: number;
}

/**
 * Validates one <alert> and maps it to an event, or to a rejection naming every problem. A signed
 * alert (an enveloped XML Signature, CAP 1.2 §3.3.4.1) is read as plain CAP: the signature is NOT
 * verified here, so nothing downstream may treat a parsed alert as authenticated.
 */
export function parseCapAlert(alert: XmlElement, place: CapPlace): Yield {
  const version = capVersion(alert.ns);
  const problems = new Problems();
  const cap = new CapReader(alert.ns, problems, version);
  const path = place.path;

  // CAP 1.2 §3.2.1: identifier and sender "MUST NOT include spaces, commas or restricted characters
  // (< and &)", which is also what keeps "sender,identifier,sent" references splittable.
  const token = (name: 'identifier' | 'sender') => {
    const value = cap.required(alert, name, path);
    if (value && /[\s,<&]/.test(value)) {
      problems.add(
        'cap.invalid_value',
        `${path}.${name}`,
        `${name} '${value}' at ${path}.${name} contains a space, comma, '<' or '&' (CAP 1.2 §3.2.1)`,
      );
    }
    return value;
  };
  const identifier = token('identifier');
  const sender = token('sender');
  const sent = cap.dateTime(alert, 'sent', path, true);
  const status = cap.requiredEnum(alert, 'status', STATUS, path);
  const msgType = cap.requiredEnum(alert, 'msgType', MSG_TYPE, path);
  if (msgType === 'Ack' || msgType === 'Error') {
    problems.add(
      'cap.unsupported_msgtype',
      `${path}.msgType`,
      `msgType ${msgType} acknowledges or reports an error about another message and carries no hazard`,
    );
  }
  cap.requiredEnum(alert, 'scope', SCOPE, path);
  // An empty <references/> is tolerated as "none": the XSD types it as a plain string, and refusing a
  // live Update over it would hide the alert itself. A malformed triple is refused, since the store
  // would otherwise link the update to nothing.
  let references: string[] = [];
  const referencesText = cap.text(alert, 'references');
  if (referencesText) {
    const parsed = parseCapReferences(referencesText, version);
    if (typeof parsed === 'string') {
      problems.add(
        'cap.invalid_references',
        `${path}.references`,
        `${parsed} at ${path}.references (CAP 1.2 §3.2.1)`,
      );
    } else references = parsed;
  }

  const area = emptyArea();
  const infos: InfoData[] = cap.all(alert, 'info').map((info, i) => {
    const at = `${path}.info[${i}]`;
    const categoryEls = cap.all(info, 'category');
    if (categoryEls.length === 0)
      problems.add('cap.missing_field', `${at}.category`, `<category> is missing at ${at}`);
    const categories = categoryEls
      .map((c, j) => cap.enumValue(textOf(c), CATEGORY, `${at}.category[${j}]`, 'category'))
      .filter((c): c is (typeof CATEGORY)[number] => c !== undefined);
    const event = cap.required(info, 'event', at);
    cap
      .all(info, 'responseType')
      .forEach((r, j) => cap.enumValue(textOf(r), RESPONSE_TYPE, `${at}.responseType[${j}]`, 'responseType'));
    const urgency = cap.requiredEnum(info, 'urgency', URGENCY, at);
    const severity = cap.requiredEnum(info, 'severity', SEVERITY, at);
    const certainty = cap.requiredEnum(
      info,
      'certainty',
      version === '1.2' ? CERTAINTY_12 : CERTAINTY_OLD,
      at,
    );
    cap.dateTime(info, 'effective', at, false);
    const onset = cap.dateTime(info, 'onset', at, false);
    const expires = cap.dateTime(info, 'expires', at, false);
    const areaDescs: string[] = [];
    cap.all(info, 'area').forEach((areaEl, j) => {
      const areaPath = `${at}.area[${j}]`;
      const desc = cap.required(areaEl, 'areaDesc', areaPath);
      if (desc) areaDescs.push(desc);
      cap.areaShapes(areaEl, areaPath, area, false);
    });
    return {
      language: cap.text(info, 'language') || 'en-US',
      categories,
      event,
      urgency,
      severity,
      certainty,
      headline: cap.text(info, 'headline') || undefined,
      description: cap.text(info, 'description') || undefined,
      web: cap.text(info, 'web') || undefined,
      onset: onset?.ms,
      expires: expires?.ms,
      eventCodes: cap.all(info, 'eventCode').flatMap((c) => cap.pairs(c)),
      parameters: cap.all(info, 'parameter').flatMap((p) => cap.pairs(p)),
      areaDescs,
    };
  });

  const subject = `CAP alert ${identifier ?? '(no identifier)'}${sender ? ` from ${sender}` : ''}`;
  if (!problems.empty || !identifier || !sender || !sent || !status || !msgType) {
    return { events: [], rejected: [problems.rejection(subject, place.itemIndex)], links: [] };
  }

  // CAP 1.2 §3.2.2 language: one <info> per language. Prefer English for the operators' console,
  // keeping every language's headline in `titles`.
  const chosen = infos.find((info) => /^en\b/i.test(info.language)) ?? infos[0];
  const titles: Record<string, string> = {};
  for (const info of infos) {
    const title = info.headline ?? info.event;
    if (title && !(info.language in titles)) titles[info.language] = title;
  }
  const kind = chosen ? kindFromCap(chosen) : 'other';
  const severity = severityOf(chosen?.severity);
  const magnitude = leadingNumber(chosen?.parameters.find((p) => /^magnitude$/i.test(p.name))?.value);
  const depth = depthKm(chosen?.parameters.find((p) => /^depth$/i.test(p.name))?.value);

  const finalArea = dedupeArea(area);
  const sameLanguage = infos.filter((info) => info.language === chosen?.language);
  const descs = [...new Set(sameLanguage.flatMap((info) => info.areaDescs))];
  if (descs.length > 0) finalArea.description = descs.join('; ');
  pointFromCircles(finalArea, () =>
    kind === 'earthquake' && magnitude !== undefined
      ? earthquakeRadiusKm(magnitude, depth ?? DEFAULT_DEPTH_KM)
      : levelRadiusKm(kind, levelOfSeverity(severity)),
  );

  const note = cap.text(alert, 'note');
  const event: ParsedHazard = {
    source: 'cap',
    key: `${sender}|${identifier}|${sent.raw}`,
    revision: sent.ms,
    references,
    action: msgType === 'Update' ? 'update' : msgType === 'Cancel' ? 'cancel' : 'alert',
    status: status.toLowerCase() as ParsedHazard['status'],
    kind,
    severity,
    title: chosen?.headline ?? chosen?.event ?? (note || `CAP ${msgType} ${identifier}`),
    countries: [],
    sent: isoOf(sent.ms),
    area: finalArea,
  };
  if (chosen) {
    event.language = chosen.language;
    event.titles = titles;
    if (chosen.urgency) event.urgency = chosen.urgency;
    if (chosen.certainty) event.certainty = chosen.certainty;
    if (chosen.description) event.description = chosen.description;
    if (chosen.onset !== undefined) event.onset = isoOf(chosen.onset);
    if (chosen.expires !== undefined) event.expires = isoOf(chosen.expires);
    const link = safeLink(chosen.web);
    if (link) event.link = link;
  } else if (note) {
    event.description = note;
  }
  if (magnitude !== undefined) event.magnitude = magnitude;
  return { events: [event], rejected: [], links: [] };
}

/** Enumerations for the cap: fields of Atom/RSS index entries, which follow the same rules. */
export const CAP_ENUMS = { STATUS, MSG_TYPE, CATEGORY, URGENCY, SEVERITY, CERTAINTY_OLD } as const;
export { severityOf };
