/**
 * The visible text of a lecture's body as one string, with the way back from a character offset to a DOM
 * position: highlights and the find bar search the string and draw on the DOM.
 */
export interface TextIndex {
  text: string;
  range(start: number, end: number): Range;
  /** Offset in `text` of a DOM position inside the container (a selection's end), or -1. */
  offsetOf(node: Node, offset: number): number;
}

function indexText(container: HTMLElement): TextIndex {
  const nodes: Text[] = [];
  const starts: number[] = [];
  let text = '';
  // KaTeX's MathML copy duplicates what the page shows: only the visible rendering counts. Controls are not the
  // lecture's text, but a glossary term (a button for its counterpart) is the author's word.
  const walker = document.createTreeWalker(container, NodeFilter.SHOW_TEXT, {
    acceptNode: (node) =>
      node.parentElement?.closest('.katex-mathml, button:not(.glossary-term), .code-block-head') ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT,
  });
  for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
    nodes.push(node);
    starts.push(text.length);
    text += node.data;
  }
  const locate = (offset: number): [Text, number] => {
    let low = 0;
    let high = nodes.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (starts[middle] <= offset) low = middle;
      else high = middle - 1;
    }
    return [nodes[low], offset - starts[low]];
  };
  return {
    text,
    range(start, end) {
      const range = document.createRange();
      range.setStart(...locate(start));
      range.setEnd(...locate(end));
      return range;
    },
    offsetOf(node, offset) {
      if (node.nodeType === Node.TEXT_NODE) {
        const index = nodes.indexOf(node as Text);
        return index < 0 ? -1 : starts[index] + offset;
      }
      // An element position: the text before its `offset`-th child.
      const probe = document.createRange();
      probe.setStart(container, 0);
      try {
        probe.setEnd(node, offset);
      } catch {
        return -1;
      }
      let length = 0;
      for (let i = 0; i < nodes.length && probe.isPointInRange(nodes[i], nodes[i].length); i++) length = starts[i] + nodes[i].length;
      return length;
    },
  };
}

/** Each container's last index, and whether its text or nodes changed since. */
const indexes = new WeakMap<HTMLElement, { index: TextIndex; changed: boolean; watch: MutationObserver }>();

/**
 * The container's text index, made again only once its text or its nodes changed: the find bar asks on every
 * keystroke, the study tools on every selection change, and walking a huge lecture's text each time would lag.
 */
export function currentTextIndex(container: HTMLElement): TextIndex {
  const known = indexes.get(container);
  // Changes not yet delivered to the observer are waiting in its queue.
  if (known && !known.changed && known.watch.takeRecords().length === 0) return known.index;
  known?.watch.disconnect();
  const entry = { index: indexText(container), changed: false, watch: new MutationObserver(() => (entry.changed = true)) };
  entry.watch.observe(container, { subtree: true, childList: true, characterData: true });
  indexes.set(container, entry);
  return entry.index;
}

const folded = new WeakMap<TextIndex, string>();

/** The index's text folded (foldKeepingOffsets), once per index. */
export function foldedText(index: TextIndex): string {
  let text = folded.get(index);
  if (text === undefined) folded.set(index, (text = foldKeepingOffsets(index.text)));
  return text;
}

/** Lowercase, diacritics removed, đ → d, one character for one: offsets in the folded text are offsets in the original. */
export function foldKeepingOffsets(text: string): string {
  let folded = '';
  for (const char of text) {
    const base = char.toLowerCase().normalize('NFD')[0] ?? char;
    const plain = base === 'đ' ? 'd' : base;
    // Characters outside the BMP take two code units: keep the length.
    folded += plain.slice(0, char.length).padEnd(char.length, ' ');
  }
  return folded;
}
