// Safe XML loading for hazard feeds: a DOCTYPE is refused outright (no DTD, no entities, so no XXE and
// no billion laughs), nesting depth is checked by a flat scan before any tree is built, and the text
// becomes a small namespace-resolved element tree the format parsers read. Nothing here fetches.
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { Limits, Rejection } from './types';

export interface XmlElement {
  /** Namespace URI ('' when none, or when the prefix is undeclared). */
  ns: string;
  /** Local name, without prefix. */
  name: string;
  /** Attributes by their name as written (prefix kept), values with entities decoded. */
  attrs: Record<string, string>;
  /** Elements and text (entities decoded; CDATA kept verbatim), in document order. */
  children: (XmlElement | string)[];
}

export type Loaded = { root: XmlElement } | { rejection: Rejection };

const XML_NS = 'http://www.w3.org/XML/1998/namespace';

const notXml = (message: string): { rejection: Rejection } => ({
  rejection: { code: 'feed.not_xml', message },
});

function lineAndColumn(text: string, offset: number): string {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line += 1;
    lineStart = i + 1;
  }
  return `line ${line}, column ${offset - lineStart + 1}`;
}

/**
 * One pass over the markup without recursion: refuses DTD declarations, measures element depth,
 * and checks there is exactly one root. Comments, CDATA and processing instructions are skipped
 * whole so that markup-like text inside them is not mistaken for tags.
 */
export function scanXml(text: string, maxDepth: number): Rejection | undefined {
  let depth = 0;
  let roots = 0;
  let i = 0;
  const n = text.length;
  while (i < n) {
    const lt = text.indexOf('<', i);
    const end = lt === -1 ? n : lt;
    if (depth === 0 && /\S/.test(text.slice(i, end))) {
      return notXml(`text outside the root element at ${lineAndColumn(text, i)}`).rejection;
    }
    if (lt === -1) break;
    if (text.startsWith('<!--', lt)) {
      const close = text.indexOf('-->', lt + 4);
      if (close === -1) return notXml(`unterminated comment at ${lineAndColumn(text, lt)}`).rejection;
      i = close + 3;
      continue;
    }
    if (text.startsWith('<![CDATA[', lt)) {
      const close = text.indexOf(']]>', lt + 9);
      if (close === -1 || depth === 0)
        return notXml(`misplaced CDATA section at ${lineAndColumn(text, lt)}`).rejection;
      i = close + 3;
      continue;
    }
    if (text.startsWith('<?', lt)) {
      const close = text.indexOf('?>', lt + 2);
      if (close === -1)
        return notXml(`unterminated processing instruction at ${lineAndColumn(text, lt)}`).rejection;
      i = close + 2;
      continue;
    }
    if (text.startsWith('<!', lt)) {
      // DOCTYPE, or ENTITY/ELEMENT/ATTLIST outside one: DTD markup of any kind is refused, which is
      // what keeps external entities (XXE) and entity expansion bombs out.
      const what = /^<!DOCTYPE/i.test(text.slice(lt, lt + 9)) ? 'a DOCTYPE declaration' : 'DTD markup';
      return {
        code: 'feed.doctype_forbidden',
        message: `the document contains ${what} at ${lineAndColumn(text, lt)}; DTDs and entities are not accepted`,
      };
    }
    if (text.startsWith('</', lt)) {
      const close = text.indexOf('>', lt + 2);
      if (close === -1) return notXml(`unterminated end tag at ${lineAndColumn(text, lt)}`).rejection;
      depth -= 1;
      if (depth < 0) return notXml(`end tag without a start tag at ${lineAndColumn(text, lt)}`).rejection;
      i = close + 1;
      continue;
    }
    let j = lt + 1;
    let quote = 0;
    for (; j < n; j += 1) {
      const c = text.charCodeAt(j);
      if (quote) {
        if (c === quote) quote = 0;
      } else if (c === 0x22 || c === 0x27) quote = c;
      else if (c === 0x3e) break;
      else if (c === 0x3c) return notXml(`'<' inside a tag at ${lineAndColumn(text, j)}`).rejection;
    }
    if (j >= n) return notXml(`unterminated start tag at ${lineAndColumn(text, lt)}`).rejection;
    if (depth === 0) {
      roots += 1;
      if (roots > 1) return notXml(`a second root element at ${lineAndColumn(text, lt)}`).rejection;
    }
    if (text.charCodeAt(j - 1) !== 0x2f) {
      depth += 1;
      if (depth > maxDepth) {
        return {
          code: 'feed.too_deep',
          message: `elements are nested deeper than ${maxDepth} levels at ${lineAndColumn(text, lt)}`,
        };
      }
    }
    i = j + 1;
  }
  if (roots === 0) return notXml('the document has no root element').rejection;
  if (depth > 0)
    return notXml(`the document ends with ${depth} element(s) still open (truncated?)`).rejection;
  return undefined;
}

const PREDEFINED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/**
 * The parser runs with entity processing off, so references are still in the text. Only the five
 * predefined entities and character references exist without a DTD (XML 1.0 §4.1, §4.6); any other
 * '&name;' is left as written rather than guessed at.
 */
export function decodeReferences(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(#x[0-9a-fA-F]{1,6}|#[0-9]{1,7}|amp|lt|gt|quot|apos);/g, (whole, ref: string) => {
    if (ref[0] !== '#') return PREDEFINED[ref] ?? whole;
    const cp = ref[1] === 'x' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
    const allowed =
      cp === 0x9 ||
      cp === 0xa ||
      cp === 0xd ||
      (cp >= 0x20 && cp <= 0x10ffff && (cp < 0xd800 || cp > 0xdfff));
    return allowed ? String.fromCodePoint(cp) : whole;
  });
}

const parser = (maxDepth: number) =>
  new XMLParser({
    preserveOrder: true,
    ignoreAttributes: false,
    attributeNamePrefix: '',
    processEntities: false,
    htmlEntities: false,
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: false,
    cdataPropName: '#cdata',
    ignoreDeclaration: true,
    ignorePiTags: true,
    // A second guard behind scanXml, in case the two ever count differently.
    maxNestedTags: maxDepth + 1,
  });

type Ordered = Record<string, unknown>;

/** Converts the parser's ordered output into XmlElements, resolving namespaces, without recursion. */
function buildTree(nodes: Ordered[]): XmlElement | undefined {
  const top: XmlElement = { ns: '', name: '#document', attrs: {}, children: [] };
  const rootScope = new Map<string, string>([['xml', XML_NS]]);
  const stack: { nodes: Ordered[]; index: number; into: XmlElement; scope: Map<string, string> }[] = [
    { nodes, index: 0, into: top, scope: rootScope },
  ];
  while (stack.length > 0) {
    const frame = stack[stack.length - 1]!;
    if (frame.index >= frame.nodes.length) {
      stack.pop();
      continue;
    }
    const node = frame.nodes[frame.index]!;
    frame.index += 1;
    for (const [key, value] of Object.entries(node)) {
      if (key === ':@') continue;
      if (key === '#text') {
        frame.into.children.push(decodeReferences(String(value)));
      } else if (key === '#cdata') {
        const parts = Array.isArray(value) ? (value as Ordered[]) : [];
        frame.into.children.push(parts.map((p) => String(p['#text'] ?? '')).join(''));
      } else if (!key.startsWith('?') && !key.startsWith('!')) {
        const rawAttrs = (node[':@'] ?? {}) as Record<string, unknown>;
        const attrs: Record<string, string> = {};
        let scope = frame.scope;
        for (const [name, raw] of Object.entries(rawAttrs)) {
          const v = decodeReferences(String(raw));
          attrs[name] = v;
          if (name === 'xmlns' || name.startsWith('xmlns:')) {
            if (scope === frame.scope) scope = new Map(frame.scope);
            scope.set(name === 'xmlns' ? '' : name.slice(6), v.trim());
          }
        }
        const colon = key.indexOf(':');
        const prefix = colon === -1 ? '' : key.slice(0, colon);
        const el: XmlElement = {
          ns: scope.get(prefix) ?? '',
          name: colon === -1 ? key : key.slice(colon + 1),
          attrs,
          children: [],
        };
        frame.into.children.push(el);
        stack.push({ nodes: Array.isArray(value) ? (value as Ordered[]) : [], index: 0, into: el, scope });
      }
    }
  }
  return top.children.find((c): c is XmlElement => typeof c !== 'string');
}

/** Loads XML text (already decoded) into an element tree, or says why not. Never throws. */
export function loadXml(text: string, limits: Pick<Limits, 'maxDepth'>): Loaded {
  const scanned = scanXml(text, limits.maxDepth);
  if (scanned) return { rejection: scanned };
  const valid = XMLValidator.validate(text);
  if (valid !== true) {
    return notXml(`not well-formed XML at line ${valid.err.line}, column ${valid.err.col}: ${valid.err.msg}`);
  }
  let ordered: Ordered[];
  try {
    ordered = parser(limits.maxDepth).parse(text) as Ordered[];
  } catch (err) {
    return notXml(`the XML could not be read: ${err instanceof Error ? err.message : String(err)}`);
  }
  const root = buildTree(ordered);
  return root ? { root } : notXml('the document has no root element');
}

export const isElement = (node: XmlElement | string): node is XmlElement => typeof node !== 'string';

export const elements = (el: XmlElement): XmlElement[] => el.children.filter(isElement);

/** Child elements with a local name, in a namespace (or any of several; undefined: any namespace). */
export function childrenNamed(el: XmlElement, name: string, ns?: string | readonly string[]): XmlElement[] {
  return elements(el).filter(
    (c) =>
      c.name === name && (ns === undefined || (typeof ns === 'string' ? c.ns === ns : ns.includes(c.ns))),
  );
}

export function childNamed(
  el: XmlElement,
  name: string,
  ns?: string | readonly string[],
): XmlElement | undefined {
  return childrenNamed(el, name, ns)[0];
}

/** The element's own text (not its descendants'), trimmed. */
export function textOf(el: XmlElement | undefined): string {
  if (!el) return '';
  return el.children
    .filter((c): c is string => typeof c === 'string')
    .join('')
    .trim();
}

/** Trimmed text of a child, or undefined when the child is missing or empty. */
export function childText(el: XmlElement, name: string, ns?: string | readonly string[]): string | undefined {
  const text = textOf(childNamed(el, name, ns));
  return text === '' ? undefined : text;
}
