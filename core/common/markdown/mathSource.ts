/**
 * Rewrites the math delimiters real lectures use into the ones remark-math reads, before Markdown is parsed:
 * - `\( … \)` → `$ … $` and `\[ … \]` → `$$ … $$` (Markdown would otherwise eat the backslashes);
 * - display math whose `$$` shares a line with the formula (`$$ y = \begin{cases}` … `\end{cases} $$`) gets its
 *   fences on lines of their own, as remark-math needs;
 * - a `$$` that never closes is shown as text, so it cannot swallow the rest of the lecture.
 * Code (fenced blocks and inline spans) is left alone. Lines may be added: `originalLine` maps them back.
 */

export interface NormalizedMath {
  markdown: string;
  /** `originalLine[n - 1]` is the source line that output line `n` comes from (1-based). */
  originalLine: number[];
}

interface Line {
  text: string;
  from: number;
}

const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const HEADING = /^ {0,3}#{1,6}(?:\s|$)/;
/** A `\[ … \]` is math only when it looks like it: `\[1\]` is how Markdown writes a literal "[1]". */
const LOOKS_LIKE_TEX = /[\\^_={}]|\n/;

export function normalizeMath(source: string): NormalizedMath {
  const lines: Line[] = [];
  let prose: string[] = [];
  let proseStart = 1;
  const flushProse = () => {
    if (prose.length)
      lines.push(
        ...displayFences(
          latexDelimiters(prose.join('\n'))
            .split('\n')
            .map((text, i) => ({ text, from: proseStart + i })),
        ),
      );
    prose = [];
  };
  let fence: string | null = null;
  source.split('\n').forEach((text, index) => {
    if (fence === null) {
      const opening = FENCE.exec(text)?.[1];
      if (!opening) {
        if (!prose.length) proseStart = index + 1;
        prose.push(text);
        return;
      }
      flushProse();
      fence = opening;
    } else {
      const closing = /^ {0,3}(`{3,}|~{3,})\s*$/.exec(text)?.[1];
      if (closing && closing[0] === fence[0] && closing.length >= fence.length) fence = null;
    }
    lines.push({ text, from: index + 1 });
  });
  flushProse();
  return { markdown: lines.map((line) => line.text).join('\n'), originalLine: lines.map((line) => line.from) };
}

/** `\( … \)` and `\[ … \]` outside code spans, never across a blank line; `\\[2pt]` inside a matrix is no delimiter. */
function latexDelimiters(text: string): string {
  if (!text.includes('\\(') && !text.includes('\\[')) return text;
  return outsideCodeSpans(text, (part) =>
    part
      .replace(/(?<!\\)\\\[((?:(?!\n[ \t]*\n)[\s\S])+?)(?<!\\)\\\]/g, (whole, tex: string) => (LOOKS_LIKE_TEX.test(tex) ? `$$${tex}$$` : whole))
      .replace(/(?<!\\)\\\(((?:(?!\n[ \t]*\n)[\s\S])+?)(?<!\\)\\\)/g, (_whole, tex: string) => `$${tex.trim()}$`),
  );
}

function outsideCodeSpans(text: string, rewrite: (part: string) => string): string {
  let result = '';
  let last = 0;
  for (const span of text.matchAll(/(`+)(?:(?!\1|\n[ \t]*\n)[\s\S])+?\1(?!`)/g)) {
    result += rewrite(text.slice(last, span.index)) + span[0];
    last = span.index + span[0].length;
  }
  return result + rewrite(text.slice(last));
}

/**
 * Gives every display formula that starts a line with `$$` fences of its own. A one-line `$$ … $$` stays as it
 * is (remarkDisplayMath shows it as display math); an opening `$$` with no closing one before the next heading
 * is escaped.
 */
function displayFences(lines: Line[]): Line[] {
  const out: Line[] = [];
  for (let i = 0; i < lines.length; i++) {
    const { text, from } = lines[i];
    const opener = /^(\s*(?:[-*+]\s+|\d+[.)]\s+)?)\$\$(.*)$/.exec(text);
    if (!opener || text.trimStart().startsWith('$$$')) {
      out.push(lines[i]);
      continue;
    }
    const [, indent, rest] = opener;
    if (rest.includes('$$')) {
      out.push(lines[i]);
      continue;
    }
    const close = closingLine(lines, i + 1);
    const pad = ' '.repeat(indent.length);
    if (close === -1) {
      out.push({ text: `${indent}\\$\\$${rest}`, from });
      continue;
    }
    out.push({ text: `${indent}$$`, from });
    if (rest.trim()) out.push({ text: pad + rest.trim(), from });
    out.push(...lines.slice(i + 1, close));
    const closing = lines[close];
    const at = closing.text.lastIndexOf('$$');
    const before = closing.text.slice(0, at);
    const after = closing.text.slice(at + 2);
    if (before.trim()) out.push({ text: pad + before.trim(), from: closing.from });
    out.push({ text: `${pad}$$`, from: closing.from });
    if (after.trim()) out.push({ text: '', from: closing.from }, { text: pad + after.trim(), from: closing.from });
    i = close;
  }
  return out;
}

/** The line that closes a display formula opened just before `start`, or -1 when a heading or the end comes first. */
function closingLine(lines: Line[], start: number): number {
  for (let j = start; j < lines.length; j++) {
    const text = lines[j].text;
    if (HEADING.test(text)) return -1;
    if (text.includes('$$')) return j;
  }
  return -1;
}
