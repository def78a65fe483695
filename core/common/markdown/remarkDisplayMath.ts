import type { InlineMath, Math } from 'mdast-util-math';
import type { Paragraph, Root, RootContent } from 'mdast';
import type { VFile } from 'vfile';

/**
 * Lecture authors write display equations as `$$ … $$` on one line, often several lines in a row. Markdown
 * reads those as inline math inside a paragraph; this plugin turns a paragraph made only of `$$`-delimited
 * math into display math blocks, as the authors meant.
 */
export default function remarkDisplayMath() {
  return (tree: Root, file: VFile) => {
    const source = String(file.value);
    const isDisplay = (node: RootContent) => {
      if (node.type !== 'inlineMath') return false;
      const start = node.position?.start.offset;
      return start !== undefined && source.startsWith('$$', start);
    };
    const visit = (parent: { children: RootContent[] }) => {
      parent.children = parent.children.flatMap((child) => {
        if (child.type === 'paragraph' && isDisplayParagraph(child)) {
          return child.children.filter(isDisplay).map((math) => displayMath((math as InlineMath).value, math.position));
        }
        if ('children' in child && child.type !== 'paragraph') visit(child as { children: RootContent[] });
        return [child];
      });
    };
    const isDisplayParagraph = (paragraph: Paragraph) =>
      paragraph.children.some(isDisplay) &&
      paragraph.children.every((node) => isDisplay(node as RootContent) || (node.type === 'text' && !node.value.trim()) || node.type === 'break');
    visit(tree);
  };
}

/** A display math node shaped as remark-math shapes its own, so rehype-katex renders it in display mode. */
function displayMath(value: string, position: RootContent['position']): RootContent {
  const node: Math = {
    type: 'math',
    value,
    position,
    data: {
      hName: 'pre',
      hChildren: [{ type: 'element', tagName: 'code', properties: { className: ['language-math', 'math-display'] }, children: [{ type: 'text', value }] }],
    },
  };
  return node as RootContent;
}
