import type { Page } from 'playwright-core';

/** LaTeX that is still text on the page: a command, or a `\(`/`\[` delimiter, outside formulas and code. */
export function rawLatexOnPage(page: Page): Promise<string[]> {
  return page.locator('.markdown-body').evaluate((root) => {
    const found: string[] = [];
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (node.parentElement?.closest('.katex, pre, code')) continue;
      const match = /\\(?:[a-zA-Z]{2,}|\(|\)|\[|\])/.exec(node.textContent ?? '');
      if (match) found.push((node.textContent ?? '').slice(Math.max(0, match.index - 20), match.index + 30));
    }
    return found;
  });
}

/**
 * The prose lines of a Markdown source that must appear word for word on the page: outside code fences and HTML
 * comments, without list, quote or heading markers, and holding no character Markdown could give a meaning to.
 * Read from the source, not from our pipeline, so a construct that swallows text cannot hide it.
 */
export function proseLines(markdown: string): string[] {
  const lines: string[] = [];
  let fence: string | null = null;
  let comment = false;
  for (const raw of markdown.split('\n')) {
    const fenceMark = /^\s*(`{3,}|~{3,})/.exec(raw)?.[1];
    if (fence) {
      if (fenceMark && fenceMark[0] === fence[0] && fenceMark.length >= fence.length) fence = null;
      continue;
    }
    if (fenceMark) {
      fence = fenceMark;
      continue;
    }
    if (comment || raw.includes('<!--')) {
      comment = !raw.includes('-->');
      continue;
    }
    const line = raw
      .replace(/^(\s*(>\s*)*)((?:[-+*]|\d+[.)])\s+)?(#{1,6}\s+)?/, '')
      .replace(/\s+/g, ' ')
      .trim();
    if (/[*_`[\]<>$\\|~&!{}^#]/.test(line) || (line.match(/\p{L}/gu) ?? []).length < 15) continue;
    lines.push(line);
  }
  return lines;
}
