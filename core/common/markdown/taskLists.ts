/**
 * A task list's checkboxes (`- [x] done`) named by their own item's text: GFM writes a bare disabled `<input>`,
 * which a screen reader announces as an unnamed checkbox (axe: "Form elements must have labels").
 */
import type { Element, ElementContent, Root } from 'hast';
import { toString } from 'hast-util-to-string';
import { visit } from 'unist-util-visit';

const isNestedList = (node: ElementContent) => node.type === 'element' && (node.tagName === 'ul' || node.tagName === 'ol');

export default function rehypeTaskListLabels() {
  return (tree: Root) => {
    visit(tree, 'element', (item: Element) => {
      if (item.tagName !== 'li') return;
      const children = item.children.flatMap((child) => (child.type === 'element' && child.tagName === 'p' ? child.children : [child]));
      const box = children.find((child): child is Element => child.type === 'element' && child.tagName === 'input' && child.properties.type === 'checkbox');
      if (!box) return;
      const text = children
        .filter((child) => child !== box && !isNestedList(child))
        .map((child) => toString(child))
        .join('')
        .replace(/\s+/g, ' ')
        .trim();
      if (text) box.properties.ariaLabel = text;
    });
  };
}
