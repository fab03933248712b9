// Entry point of the hazard feed parsers: one pure function from the bytes of a fetched document to
// events, rejections and links. The format is sniffed from the content, never the file name, and the
// limits (size first, then depth, DOCTYPE, encoding) apply before any parser sees the document.
import { isCapAlert, parseCapAlert } from './cap';
import { ATOM_NS, parseAtomIndex, parseRssIndex } from './atom-rss';
import { decodeDocument } from './decode';
import { isEdxlDistribution, parseEdxlDistribution } from './edxl';
import { isGdacsRss, parseGdacsRss } from './gdacs';
import { loadJson } from './json';
import { isUsgsGeoJson, parseUsgsGeoJson } from './usgs';
import type { FeedFormat, Limits, ParsedDocument, ParseOptions, Rejection, Yield } from './types';
import { loadXml } from './xml';

export type {
  FeedFormat,
  HazardArea,
  HazardKind,
  HazardSeverity,
  ParsedDocument,
  ParsedHazard,
  ParseOptions,
  Rejection,
} from './types';
export { earthquakeRadiusKm, levelRadiusKm } from './radius';

export const DEFAULT_MAX_BYTES = 10 * 1024 * 1024;
export const DEFAULT_MAX_DEPTH = 64;

function refuse(format: FeedFormat, rejection: Rejection, fileName: string | undefined): ParsedDocument {
  const message = fileName ? `${fileName}: ${rejection.message}` : rejection.message;
  return { format, events: [], rejected: [{ ...rejection, message }], links: [] };
}

const done = (format: FeedFormat, y: Yield): ParsedDocument => ({
  format,
  ...y,
  links: [...new Set(y.links)],
});

function positive(value: number | undefined, fallback: number): number {
  return value !== undefined && Number.isFinite(value) && value > 0 ? Math.floor(value) : fallback;
}

/**
 * Parses one hazard feed document: a CAP alert (1.0–1.2), a CAP index in Atom or RSS, an EDXL-DE
 * envelope of CAP alerts, GDACS RSS or USGS earthquake GeoJSON. Never throws on bad input and never
 * fetches: links to CAP alerts are returned for the poller.
 */
export function parseFeedDocument(bytes: Uint8Array, opts: ParseOptions = {}): ParsedDocument {
  const limits: Limits = {
    maxBytes: positive(opts.maxBytes, DEFAULT_MAX_BYTES),
    maxDepth: positive(opts.maxDepth, DEFAULT_MAX_DEPTH),
  };
  const { fileName } = opts;
  if (bytes.length > limits.maxBytes) {
    return refuse(
      'unknown',
      {
        code: 'feed.too_large',
        message: `the document is ${bytes.length} bytes, more than the limit of ${limits.maxBytes}`,
      },
      fileName,
    );
  }
  const decoded = decodeDocument(bytes, opts.contentType);
  if ('rejection' in decoded) return refuse('unknown', decoded.rejection, fileName);

  if (decoded.syntax === 'json') {
    const loaded = loadJson(decoded.text, limits);
    if ('rejection' in loaded) return refuse('unknown', loaded.rejection, fileName);
    if (!isUsgsGeoJson(loaded.value)) {
      return refuse(
        'unknown',
        { code: 'feed.unrecognised', message: 'JSON that is not a USGS earthquake GeoJSON feed' },
        fileName,
      );
    }
    return done('usgs-geojson', parseUsgsGeoJson(loaded.value as Record<string, unknown>));
  }

  const loaded = loadXml(decoded.text, limits);
  if ('rejection' in loaded) return refuse('unknown', loaded.rejection, fileName);
  const root = loaded.root;
  if (isCapAlert(root)) return done('cap', parseCapAlert(root, { path: 'alert' }));
  if (root.name === 'feed' && root.ns === ATOM_NS) return done('cap-atom', parseAtomIndex(root, limits));
  if (root.name === 'rss' && root.ns === '') {
    return isGdacsRss(root)
      ? done('gdacs-rss', parseGdacsRss(root))
      : done('cap-rss', parseRssIndex(root, limits));
  }
  if (isEdxlDistribution(root)) return done('edxl-de', parseEdxlDistribution(root, limits));
  const what = root.ns ? `{${root.ns}}${root.name}` : root.name;
  return refuse(
    'unknown',
    {
      code: 'feed.unrecognised',
      message: `XML with root element <${what}> is not a feed format Siaga reads`,
    },
    fileName,
  );
}
