/**
 * XML text for the e-book: its pages are XHTML, which e-readers parse as XML (one unclosed tag and the chapter
 * does not open). Pages are written as hast and serialized by hast-util-to-html in its XML-compatible mode.
 */
import type { Element, ElementContent, Root } from 'hast';
import { toHtml } from 'hast-util-to-html';

const XML_PROLOG = '<?xml version="1.0" encoding="UTF-8"?>\n';

/** Text and attribute values in hand-written XML (the package document, the NCX). */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&${{ '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot', "'": 'apos' }[c]};`);
}

/** An XHTML document: the prolog, `<!DOCTYPE html>`, then `html` with its namespaces. */
export function xhtmlDocument(html: Element): string {
  const root: Root = { type: 'root', children: [{ type: 'doctype' }, { type: 'text', value: '\n' }, html] };
  return XML_PROLOG + toXhtml(root) + '\n';
}

/** Serialized so that an XML parser reads it: void elements closed, numeric character references, no bare attributes. */
export function toXhtml(tree: Root | ElementContent): string {
  return toHtml(tree, { closeSelfClosing: true, upperDoctype: true, characterReferences: { useNamedReferences: false } });
}
