/**
 * XML text for the e-book: its pages are XHTML, which e-readers parse as XML (one unclosed tag, one `<` in an
 * attribute or one control character and the chapter does not open). Pages are written as hast, converted to xast
 * (hast-util-to-xast) and serialized by xast-util-to-xml, which escapes for XML.
 */
import type { Element, ElementContent, Root } from 'hast';
import { toXast } from 'hast-util-to-xast';
import { htmlVoidElements } from 'html-void-elements';
import { visit } from 'unist-util-visit';
import { toXml } from 'xast-util-to-xml';

const XML_PROLOG = '<?xml version="1.0" encoding="UTF-8"?>\n';

/** Text and attribute values in hand-written XML (the package document, the NCX); characters XML forbids dropped. */
export function escapeXml(text: string): string {
  return text.replace(NOT_IN_XML, '').replace(/[&<>"']/g, (c) => `&${{ '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot', "'": 'apos' }[c]};`);
}

/** An XHTML document: the prolog, `<!DOCTYPE html>`, then `html` with its namespaces. */
export function xhtmlDocument(html: Element): string {
  const root: Root = { type: 'root', children: [{ type: 'doctype' }, { type: 'text', value: '\n' }, html] };
  return XML_PROLOG + toXhtml(root) + '\n';
}

const VOID = new Set(htmlVoidElements);

/** Characters XML 1.0 does not allow at all, even escaped (C0 controls other than tab, newline and return). */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const NOT_IN_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

/**
 * Serialized so that an XML parser reads it: every element closed, `<` and `&` escaped in text and attributes. Only
 * void elements are written self-closed (`<br />`); an empty `<span></span>` keeps its end tag, which a reading
 * system that parses the page as HTML would otherwise not see.
 */
export function toXhtml(tree: Root | ElementContent): string {
  const copy = structuredClone(tree);
  visit(copy, (node) => {
    if (node.type === 'text' || node.type === 'comment') node.value = node.value.replace(NOT_IN_XML, '');
    if (node.type !== 'element') return;
    for (const [name, value] of Object.entries(node.properties)) if (typeof value === 'string') node.properties[name] = value.replace(NOT_IN_XML, '');
    if (node.children.length === 0 && !VOID.has(node.tagName)) node.children.push({ type: 'text', value: '' });
  });
  // XML forbids `]]>` in text even escaped-free; the serializer escapes `<` and `&` only. No CDATA is ever written, so
  // every `]]>` in the output is text or an attribute value.
  return toXml(toXast(copy), { closeEmptyElements: true }).replaceAll(']]>', ']]&gt;');
}
