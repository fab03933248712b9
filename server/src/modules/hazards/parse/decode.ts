// Bytes to text for feed documents: the byte-order mark, then the XML declaration (XML 1.0 §4.3.3 and
// Appendix F), then a charset from the Content-Type, then UTF-8. Decoding is strict: bytes that are not
// valid in the chosen encoding refuse the document instead of turning into U+FFFD.
import { TextDecoder } from 'node:util';
import type { Rejection } from './types';

export type Decoded = { syntax: 'xml' | 'json'; text: string } | { rejection: Rejection };

const encodingRejection = (message: string): { rejection: Rejection } => ({
  rejection: { code: 'feed.encoding', message },
});

/** A strict decoder for a label, or undefined when Node's ICU does not know it. */
function decoderFor(label: string): TextDecoder | undefined {
  try {
    const decoder = new TextDecoder(label, { fatal: true });
    // WHATWG maps a few dangerous legacy labels (ISO-2022-KR, HZ...) to 'replacement', which only
    // ever yields an error: treat them as unsupported rather than as an empty document.
    return decoder.encoding === 'replacement' ? undefined : decoder;
  } catch {
    return undefined;
  }
}

function strictDecode(bytes: Uint8Array, label: string): { text: string } | { rejection: Rejection } {
  const decoder = decoderFor(label);
  if (!decoder) return encodingRejection(`unsupported character encoding '${label}'`);
  try {
    return { text: decoder.decode(bytes) };
  } catch {
    return encodingRejection(`the bytes are not valid ${decoder.encoding.toUpperCase()}`);
  }
}

/** The encoding pseudo-attribute of an XML declaration read as ASCII, or undefined. */
function declaredEncoding(bytes: Uint8Array): string | undefined {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 512));
  const decl = /^\s*<\?xml\s[^?>]*?\bencoding\s*=\s*(["'])([^"']*)\1/.exec(head);
  return decl?.[2]?.trim();
}

function charsetOf(contentType: string | undefined): string | undefined {
  const match = contentType ? /;\s*charset\s*=\s*"?([^";\s]+)"?/i.exec(contentType) : null;
  return match?.[1];
}

function firstSignificantByte(bytes: Uint8Array): number | undefined {
  for (const b of bytes) if (b !== 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d) return b;
  return undefined;
}

const syntaxOf = (text: string): 'xml' | 'json' | undefined => {
  const first = /\S/.exec(text)?.[0];
  if (first === '<') return 'xml';
  if (first === '{' || first === '[') return 'json';
  return undefined;
};

/**
 * Decodes a feed document and says whether it looks like XML or JSON. JSON is UTF-8 (RFC 8259 §8.1),
 * so only XML consults a declaration or charset.
 */
export function decodeDocument(bytes: Uint8Array, contentType?: string): Decoded {
  const [b0, b1, b2, b3] = bytes;
  if (
    (b0 === 0x00 && b1 === 0x00 && b2 === 0xfe && b3 === 0xff) ||
    (b0 === 0xff && b1 === 0xfe && b2 === 0 && b3 === 0)
  ) {
    return encodingRejection('UTF-32 documents are not supported');
  }
  let bomEncoding: string | undefined;
  if (b0 === 0xef && b1 === 0xbb && b2 === 0xbf) bomEncoding = 'utf-8';
  else if (b0 === 0xff && b1 === 0xfe) bomEncoding = 'utf-16le';
  else if (b0 === 0xfe && b1 === 0xff) bomEncoding = 'utf-16be';
  // XML 1.0 Appendix F: UTF-16 without a mark still starts with '<?' in two-byte units.
  else if (b0 === 0x3c && b1 === 0x00 && b2 === 0x3f && b3 === 0x00) bomEncoding = 'utf-16le';
  else if (b0 === 0x00 && b1 === 0x3c && b2 === 0x00 && b3 === 0x3f) bomEncoding = 'utf-16be';

  if (bomEncoding) {
    // The mark is unambiguous, so it wins over a declaration that says otherwise.
    const decoded = strictDecode(bytes, bomEncoding);
    if ('rejection' in decoded) return decoded;
    const text = decoded.text.replace(/^\uFEFF/, '');
    const syntax = syntaxOf(text);
    if (!syntax) return { rejection: unrecognised() };
    return { syntax, text };
  }

  const first = firstSignificantByte(bytes);
  if (first === undefined) return { rejection: { code: 'feed.empty', message: 'the document is empty' } };
  if (first === 0x7b || first === 0x5b) {
    const decoded = strictDecode(bytes, 'utf-8');
    return 'rejection' in decoded ? decoded : { syntax: 'json', text: decoded.text };
  }
  if (first !== 0x3c) return { rejection: unrecognised() };

  const declared = declaredEncoding(bytes);
  const label = declared ?? charsetOf(contentType) ?? 'utf-8';
  // A declaration readable as ASCII cannot be describing a two-byte encoding.
  if (/^(utf-?16|ucs-?2|utf-?32|ucs-?4)/i.test(label)) {
    return encodingRejection(`the document declares ${label} but its bytes are not ${label}`);
  }
  const decoded = strictDecode(bytes, label);
  if ('rejection' in decoded) return decoded;
  return { syntax: 'xml', text: decoded.text };
}

const unrecognised = (): Rejection => ({
  code: 'feed.unrecognised',
  message: 'the document is neither XML nor JSON',
});
