// CAP indexes in Atom (RFC 4287) and RSS 2.0: each entry either embeds a CAP alert, carries cap:
// fields inline (the NWS index style, OASIS CAP-feeds), or only links to an alert, which goes into
// `links` for the poller. One broken entry is rejected on its own; the others still count.
import {
  CAP_ENUMS,
  CAP_NS_LIST,
  CapReader,
  emptyArea,
  isCapAlert,
  parseCapAlert,
  parseCapReferences,
  pointFromCircles,
  Problems,
  safeLink,
  severityOf,
} from './cap';
import { isoOf, parseFeedDate } from './dates';
import { kindFromCap } from './kinds';
import { levelOfSeverity, levelRadiusKm } from './radius';
import { emptyYield, mergeYield, type Limits, type ParsedHazard, type Rejection, type Yield } from './types';
import { childNamed, childrenNamed, childText, elements, loadXml, textOf, type XmlElement } from './xml';

export const ATOM_NS = 'http://www.w3.org/2005/Atom';

/** What the two index formats have in common, read once per entry. */
interface Entry {
  el: XmlElement;
  path: string;
  index: number;
  id?: string;
  title?: string;
  /** Atom updated / RSS pubDate. */
  updated?: string;
  published?: string;
  summary?: string;
  /** Where an embedded alert may be: Atom <content>, or the item itself in RSS. */
  container?: XmlElement;
  containerPath: string;
  /** Text that may hold an escaped CAP alert (Atom content, RSS description). */
  escaped?: string;
  /** Candidate links to the CAP document, best first. */
  links: string[];
  /** Elements the format requires that are missing, as paths. */
  missing: string[];
}

const isCapLinkType = (type: string | undefined) => !!type && /cap\+xml|application\/cap/i.test(type);

/** An escaped <alert> (e.g. type="html" content) is only tried when it plainly is one. */
const looksLikeEscapedAlert = (text: string | undefined): text is string =>
  !!text && /^\s*</.test(text) && /<([\w.-]+:)?alert[\s>]/.test(text);

function atomEntry(el: XmlElement, index: number): Entry {
  const path = `feed.entry[${index}]`;
  const content = childNamed(el, 'content', ATOM_NS);
  const links = childrenNamed(el, 'link', ATOM_NS).map((l) => ({
    href: l.attrs.href?.trim(),
    rel: l.attrs.rel?.trim() || 'alternate',
    type: l.attrs.type,
  }));
  // RFC 4287 §4.1.3.2: content with src is out-of-line; §4.2.7.2: a link without rel is 'alternate'.
  const candidates = [
    ...(content?.attrs.src
      ? [{ href: content.attrs.src.trim(), rel: 'content', type: content.attrs.type }]
      : []),
    ...links,
  ];
  const ordered = [
    ...candidates.filter((l) => isCapLinkType(l.type)),
    ...candidates.filter((l) => !isCapLinkType(l.type) && (l.rel === 'alternate' || l.rel === 'content')),
  ];
  const entry: Entry = {
    el,
    path,
    index,
    id: childText(el, 'id', ATOM_NS),
    title: childText(el, 'title', ATOM_NS),
    updated: childText(el, 'updated', ATOM_NS),
    published: childText(el, 'published', ATOM_NS),
    summary: childText(el, 'summary', ATOM_NS),
    container: content,
    containerPath: `${path}.content`,
    escaped: content && elements(content).length === 0 ? textOf(content) : undefined,
    links: [...new Set(ordered.map((l) => l.href).filter((h): h is string => !!h))],
    missing: [],
  };
  // RFC 4287 §4.1.2: atom:entry MUST contain exactly one id, title and updated.
  for (const name of ['id', 'title', 'updated'] as const)
    if (!entry[name]) entry.missing.push(`${path}.${name}`);
  return entry;
}

function rssItem(el: XmlElement, index: number): Entry {
  const path = `rss.channel.item[${index}]`;
  const guid = childNamed(el, 'guid', '');
  const guidText = textOf(guid) || undefined;
  const enclosures = childrenNamed(el, 'enclosure', '')
    .filter((e) => isCapLinkType(e.attrs.type))
    .map((e) => e.attrs.url?.trim());
  const permaLink = guid && guid.attrs.isPermaLink !== 'false' ? guidText : undefined;
  const candidates = [...enclosures, childText(el, 'link', ''), permaLink].filter((h): h is string => !!h);
  const entry: Entry = {
    el,
    path,
    index,
    id: guidText ?? childText(el, 'link', ''),
    title: childText(el, 'title', ''),
    updated: childText(el, 'pubDate', ''),
    summary: childText(el, 'description', ''),
    container: el,
    containerPath: path,
    escaped: childText(el, 'description', ''),
    links: [...new Set(candidates)],
    missing: [],
  };
  // RSS 2.0: "at least one of title or description must be present".
  if (!entry.title && !entry.summary) entry.missing.push(`${path}.title`);
  return entry;
}

const hasInlineCap = (el: XmlElement) =>
  elements(el).some((c) => CAP_NS_LIST.includes(c.ns) && c.name !== 'alert');

/**
 * An entry describing an alert with cap: fields rather than embedding it. The fields follow CAP's
 * enumerations, but an index is a summary, so absent ones take CAP's neutral values instead of
 * refusing the entry; its identity is the entry id.
 */
function inlineEntry(entry: Entry): Yield {
  const problems = new Problems();
  const cap = new CapReader(CAP_NS_LIST, problems, '1.1');
  const el = entry.el;
  const at = entry.path;
  if (!entry.id)
    problems.add(
      'index.missing_field',
      `${at}.id`,
      `the entry has cap: fields but no id to identify it at ${at}`,
    );
  const status = cap.optionalEnum(el, 'status', CAP_ENUMS.STATUS, at) ?? 'Actual';
  const msgType = cap.optionalEnum(el, 'msgType', CAP_ENUMS.MSG_TYPE, at) ?? 'Alert';
  if (msgType === 'Ack' || msgType === 'Error') {
    problems.add('cap.unsupported_msgtype', `${at}.msgType`, `msgType ${msgType} carries no hazard`);
  }
  const categories = cap
    .all(el, 'category')
    .map((c, j) => cap.enumValue(textOf(c), CAP_ENUMS.CATEGORY, `${at}.category[${j}]`, 'category'))
    .filter((c): c is (typeof CAP_ENUMS.CATEGORY)[number] => c !== undefined);
  const urgency = cap.optionalEnum(el, 'urgency', CAP_ENUMS.URGENCY, at);
  const severity = cap.optionalEnum(el, 'severity', CAP_ENUMS.SEVERITY, at);
  const certainty = cap.optionalEnum(el, 'certainty', CAP_ENUMS.CERTAINTY_OLD, at);
  const sentCap = cap.dateTime(el, 'sent', at, false);
  cap.dateTime(el, 'effective', at, false);
  const onset = cap.dateTime(el, 'onset', at, false);
  const expires = cap.dateTime(el, 'expires', at, false);
  const area = emptyArea();
  cap.areaShapes(el, at, area, true);
  const areaDesc = cap.text(el, 'areaDesc');
  if (areaDesc) area.description = areaDesc;
  let references: string[] = [];
  const refs = cap.text(el, 'references');
  if (refs) {
    const parsed = parseCapReferences(refs, '1.1');
    if (typeof parsed === 'string')
      problems.add('cap.invalid_references', `${at}.references`, `${parsed} at ${at}.references`);
    else references = parsed;
  }
  const updated = parseFeedDate(entry.updated);
  const published = parseFeedDate(entry.published);
  const revision = sentCap?.ms ?? updated ?? published;
  if (revision === undefined) {
    problems.add(
      'index.missing_field',
      `${at}.updated`,
      `the entry has no valid date to order its updates at ${at}`,
    );
  }
  const subject = `index entry ${entry.id ?? at}`;
  if (!problems.empty || !entry.id || revision === undefined) {
    return { ...emptyYield(), rejected: [problems.rejection(subject, entry.index)] };
  }
  const event = cap.text(el, 'event') || undefined;
  const kind = kindFromCap({
    categories,
    event: event ?? entry.title,
    headline: entry.title,
    eventCodes: cap.all(el, 'eventCode').flatMap((c) => cap.pairs(c)),
  });
  const sev = severityOf(severity);
  pointFromCircles(area, () => levelRadiusKm(kind, levelOfSeverity(sev)));
  const hazard: ParsedHazard = {
    source: 'cap',
    key: entry.id,
    revision,
    references,
    action: msgType === 'Update' ? 'update' : msgType === 'Cancel' ? 'cancel' : 'alert',
    status: status.toLowerCase() as ParsedHazard['status'],
    kind,
    severity: sev,
    title: entry.title ?? event ?? entry.id,
    countries: [],
    sent: isoOf(sentCap?.ms ?? published ?? revision),
    area,
  };
  if (urgency) hazard.urgency = urgency;
  if (certainty) hazard.certainty = certainty;
  if (entry.summary) hazard.description = entry.summary;
  if (onset) hazard.onset = isoOf(onset.ms);
  if (expires) hazard.expires = isoOf(expires.ms);
  if (updated !== undefined) hazard.updated = isoOf(updated);
  const link = safeLink(entry.links[0]);
  if (link) hazard.link = link;
  return { events: [hazard], rejected: [], links: [] };
}

function parseEntry(entry: Entry, limits: Limits): Yield {
  const out = emptyYield();
  const embedded = entry.container ? elements(entry.container).filter(isCapAlert) : [];
  if (embedded.length > 0) {
    embedded.forEach((alert, j) => {
      const path = `${entry.containerPath}.alert${embedded.length > 1 ? `[${j}]` : ''}`;
      mergeYield(out, parseCapAlert(alert, { path, itemIndex: entry.index }));
    });
    return out;
  }
  if (looksLikeEscapedAlert(entry.escaped)) {
    const loaded = loadXml(entry.escaped, limits);
    const path = `${entry.containerPath}.alert`;
    if ('rejection' in loaded) {
      out.rejected.push({ ...loaded.rejection, path: entry.containerPath, itemIndex: entry.index });
    } else if (isCapAlert(loaded.root)) {
      mergeYield(out, parseCapAlert(loaded.root, { path, itemIndex: entry.index }));
    }
    if (out.events.length > 0 || out.rejected.length > 0) return out;
  }
  if (hasInlineCap(entry.el)) return inlineEntry(entry);

  const usable = entry.links.map(safeLink).find((l) => l !== undefined);
  if (usable) {
    out.links.push(usable);
    return out;
  }
  const problems: Rejection[] = [];
  const reasons = entry.missing.map((p) => `<${p.slice(p.lastIndexOf('.') + 1)}> is missing`);
  reasons.push(
    entry.links.length > 0
      ? `its only links (${entry.links.join(', ')}) are not absolute http(s) URLs`
      : 'it has no CAP alert, no cap: fields and no link to an alert',
  );
  problems.push({
    code:
      entry.missing.length > 0
        ? 'index.missing_field'
        : entry.links.length > 0
          ? 'index.invalid_link'
          : 'index.no_alert',
    message: `index entry ${entry.id ?? entry.path}: ${reasons.join('; ')}`,
    path: entry.missing[0] ?? entry.path,
    itemIndex: entry.index,
  });
  return { ...out, rejected: problems };
}

/**
 * Atom: only <entry> children count. A CAP alert elsewhere in the feed is foreign markup
 * (RFC 4287 §6.4), so an index without entries is simply empty.
 */
export function parseAtomIndex(feed: XmlElement, limits: Limits): Yield {
  const out = emptyYield();
  childrenNamed(feed, 'entry', ATOM_NS).forEach((el, i) =>
    mergeYield(out, parseEntry(atomEntry(el, i), limits)),
  );
  return out;
}

export function parseRssIndex(rss: XmlElement, limits: Limits): Yield {
  const out = emptyYield();
  const channel = childNamed(rss, 'channel', '');
  if (!channel) {
    out.rejected.push({
      code: 'index.missing_field',
      message: 'the RSS document has no <channel>',
      path: 'rss.channel',
    });
    return out;
  }
  childrenNamed(channel, 'item', '').forEach((el, i) => mergeYield(out, parseEntry(rssItem(el, i), limits)));
  return out;
}
