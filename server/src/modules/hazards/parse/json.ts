// Safe JSON loading for GeoJSON feeds: nesting depth is measured by a flat scan before JSON.parse, so a
// hostile document is refused with a reason instead of being walked, and a parse error never throws.
import type { Limits, Rejection } from './types';

/** Deepest array/object nesting, ignoring brackets inside strings; stops early past the limit. */
function depthExceeds(text: string, maxDepth: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i += 1;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      depth += 1;
      if (depth > maxDepth) return true;
    } else if (c === 0x7d || c === 0x5d) depth -= 1;
  }
  return false;
}

export function loadJson(
  text: string,
  limits: Pick<Limits, 'maxDepth'>,
): { value: unknown } | { rejection: Rejection } {
  if (depthExceeds(text, limits.maxDepth)) {
    return {
      rejection: {
        code: 'feed.too_deep',
        message: `arrays and objects are nested deeper than ${limits.maxDepth} levels`,
      },
    };
  }
  try {
    return { value: JSON.parse(text) as unknown };
  } catch (err) {
    const detail = err instanceof Error ? err.message : String(err);
    return { rejection: { code: 'feed.not_json', message: `not valid JSON: ${detail}` } };
  }
}
