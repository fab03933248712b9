// EDXL-DE 1.0 envelopes (OASIS EDXL Distribution Element): the CAP alerts they carry, each judged on
// its own. Embedded XML (xmlContent/embeddedXMLContent) is read in place; base64 contentData in
// nonXMLContent is decoded and loaded under the same limits; a content URI becomes a link.
import { isCapAlert, parseCapAlert, safeLink } from './cap';
import { decodeDocument } from './decode';
import { emptyYield, mergeYield, type Limits, type Yield } from './types';
import { childNamed, childrenNamed, childText, elements, loadXml, type XmlElement } from './xml';

export const EDXL_DE_NAMESPACES: readonly string[] = [
  'urn:oasis:names:tc:emergency:EDXL:DE:1.0',
  'urn:oasis:names:tc:emergency:EDXL:DE:2.0',
];

export const isEdxlDistribution = (el: XmlElement) =>
  el.name === 'EDXLDistribution' && EDXL_DE_NAMESPACES.includes(el.ns);

function base64Bytes(text: string): Uint8Array | undefined {
  const compact = text.replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(compact) || compact.length % 4 !== 0) return undefined;
  return new Uint8Array(Buffer.from(compact, 'base64'));
}

function nonXmlContent(content: XmlElement, path: string, index: number, limits: Limits): Yield {
  const out = emptyYield();
  const ns = content.ns;
  const mimeType = childText(content, 'mimeType', ns) ?? '';
  const data = childText(content, 'contentData', ns);
  const uri = childText(content, 'uri', ns);
  if (data !== undefined && /xml|cap/i.test(mimeType)) {
    const bytes = base64Bytes(data);
    if (!bytes) {
      out.rejected.push({
        code: 'edxl.invalid',
        message: `contentData at ${path} is not base64`,
        path: `${path}.contentData`,
        itemIndex: index,
      });
      return out;
    }
    if (bytes.length > limits.maxBytes) {
      out.rejected.push({
        code: 'feed.too_large',
        message: `contentData at ${path} is larger than ${limits.maxBytes} bytes`,
        path,
        itemIndex: index,
      });
      return out;
    }
    const decoded = decodeDocument(bytes);
    const loaded = 'rejection' in decoded ? decoded : loadXml(decoded.text, limits);
    if ('rejection' in loaded) {
      out.rejected.push({ ...loaded.rejection, path: `${path}.contentData`, itemIndex: index });
    } else if (isCapAlert(loaded.root)) {
      mergeYield(out, parseCapAlert(loaded.root, { path: `${path}.contentData.alert`, itemIndex: index }));
    } else {
      out.rejected.push(unsupported(`${path}.contentData`, index, `<${loaded.root.name}>`));
    }
    return out;
  }
  const link = safeLink(uri);
  if (link && /xml|cap/i.test(mimeType)) out.links.push(link);
  else
    out.rejected.push(
      unsupported(path, index, mimeType ? `content of type ${mimeType}` : 'content without a CAP alert'),
    );
  return out;
}

const unsupported = (path: string, itemIndex: number, what: string) => ({
  code: 'edxl.unsupported_content',
  message: `${what} at ${path} is not a CAP alert`,
  path,
  itemIndex,
});

export function parseEdxlDistribution(root: XmlElement, limits: Limits): Yield {
  const out = emptyYield();
  const ns = root.ns;
  childrenNamed(root, 'contentObject', ns).forEach((content, i) => {
    const path = `EDXLDistribution.contentObject[${i}]`;
    const xml = childNamed(content, 'xmlContent', ns);
    const nonXml = childNamed(content, 'nonXMLContent', ns);
    if (xml) {
      const embeddedEls = childrenNamed(xml, 'embeddedXMLContent', ns);
      const alerts = embeddedEls.flatMap((e, j) =>
        elements(e).map((el) => ({
          el,
          path: `${path}.xmlContent.embeddedXMLContent${embeddedEls.length > 1 ? `[${j}]` : ''}`,
        })),
      );
      if (alerts.length === 0) {
        out.rejected.push({
          code: 'edxl.invalid',
          message: `xmlContent at ${path} embeds nothing`,
          path: `${path}.xmlContent`,
          itemIndex: i,
        });
      }
      for (const { el, path: at } of alerts) {
        if (isCapAlert(el)) mergeYield(out, parseCapAlert(el, { path: `${at}.alert`, itemIndex: i }));
        else out.rejected.push(unsupported(at, i, `<${el.name}>`));
      }
    } else if (nonXml) {
      mergeYield(out, nonXmlContent(nonXml, `${path}.nonXMLContent`, i, limits));
    } else {
      out.rejected.push({
        code: 'edxl.invalid',
        message: `contentObject at ${path} has no content`,
        path,
        itemIndex: i,
      });
    }
  });
  return out;
}
