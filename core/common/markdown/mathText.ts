/** LaTeX as lectures write it: made acceptable to KaTeX, and made readable as plain text for search. */

/** Commands whose argument is typeset as text, where `_`, `^`, `%`, `&` and `#` are errors for KaTeX. */
const TEXT_GROUP = /\\(?:text|textrm|textbf|textit|texttt|textsf|textnormal|mbox)\s*\{/g;

const TEXT_ESCAPES: Record<string, string> = { _: '\\_', '%': '\\%', '&': '\\&', '#': '\\#', '^': '\\textasciicircum{}' };

/**
 * Escapes the characters KaTeX refuses inside text groups (`\text{elastic_net}`), as the lecture sites'
 * renderer tolerates them. Math nested in a text group (`\text{if $x_1$}`) is left as it is.
 */
export function escapeTextGroups(tex: string): string {
  if (!tex.includes('\\text') && !tex.includes('\\mbox')) return tex;
  let out = '';
  let last = 0;
  for (const match of tex.matchAll(TEXT_GROUP)) {
    const open = match.index + match[0].length;
    if (open <= last) continue;
    let depth = 1;
    let inMath = false;
    let group = '';
    let i = open;
    for (; i < tex.length && depth > 0; i++) {
      const char = tex[i];
      if (char === '\\') {
        group += tex.slice(i, i + 2);
        i++;
        continue;
      }
      if (char === '$') inMath = !inMath;
      if (char === '{') depth++;
      if (char === '}' && --depth === 0) break;
      group += !inMath && TEXT_ESCAPES[char] ? TEXT_ESCAPES[char] : char;
    }
    out += tex.slice(last, open) + group;
    last = i;
  }
  return out + tex.slice(last);
}

const SYMBOLS: Record<string, string> = {
  alpha: 'α',
  beta: 'β',
  gamma: 'γ',
  delta: 'δ',
  epsilon: 'ε',
  varepsilon: 'ε',
  zeta: 'ζ',
  eta: 'η',
  theta: 'θ',
  iota: 'ι',
  kappa: 'κ',
  lambda: 'λ',
  mu: 'μ',
  nu: 'ν',
  xi: 'ξ',
  pi: 'π',
  rho: 'ρ',
  sigma: 'σ',
  tau: 'τ',
  phi: 'φ',
  varphi: 'φ',
  chi: 'χ',
  psi: 'ψ',
  omega: 'ω',
  Gamma: 'Γ',
  Delta: 'Δ',
  Theta: 'Θ',
  Lambda: 'Λ',
  Sigma: 'Σ',
  Phi: 'Φ',
  Psi: 'Ψ',
  Omega: 'Ω',
  Pi: 'Π',
  cdot: '·',
  times: '×',
  div: '÷',
  pm: '±',
  sum: '∑',
  prod: '∏',
  int: '∫',
  infty: '∞',
  partial: '∂',
  nabla: '∇',
  leq: '≤',
  le: '≤',
  geq: '≥',
  ge: '≥',
  neq: '≠',
  ne: '≠',
  approx: '≈',
  sim: '∼',
  equiv: '≡',
  in: '∈',
  notin: '∉',
  subset: '⊂',
  subseteq: '⊆',
  cup: '∪',
  cap: '∩',
  forall: '∀',
  exists: '∃',
  to: '→',
  rightarrow: '→',
  leftarrow: '←',
  Rightarrow: '⇒',
  Leftarrow: '⇐',
  iff: '⇔',
  mapsto: '↦',
  top: 'ᵀ',
  '|': '‖',
  ldots: '…',
  cdots: '⋯',
  dots: '…',
  prime: '′',
  circ: '∘',
  odot: '⊙',
  otimes: '⊗',
  oplus: '⊕',
  lfloor: '⌊',
  rfloor: '⌋',
  lceil: '⌈',
  rceil: '⌉',
  langle: '⟨',
  rangle: '⟩',
  mid: '|',
  vert: '|',
  Vert: '‖',
  '{': '{',
  '}': '}',
  '%': '%',
  '&': '&',
  '#': '#',
  _: '_',
  $: '$',
};

/** Commands that only space, size or fence: nothing to read. */
const SILENT = new Set([
  'left',
  'right',
  'big',
  'Big',
  'bigg',
  'Bigg',
  'quad',
  'qquad',
  'displaystyle',
  'textstyle',
  'limits',
  'nolimits',
  'label',
  'nonumber',
  'notag',
]);

/**
 * A formula as a student would read it aloud in text: `\frac{a}{b}` → `a/b`, `\sqrt{x}` → `√x`, Greek letters
 * and operators as their symbols, formatting commands dropped, their arguments kept.
 */
export function mathToText(tex: string): string {
  return tex
    .replace(/\\(?:begin|end)\s*\{[^}]*\}(?:\{[^}]*\})?/g, ' ')
    .replace(/\\d?frac\s*\{([^{}]*)\}\s*\{([^{}]*)\}/g, (_m, top: string, bottom: string) => `${wrap(top)}/${wrap(bottom)}`)
    .replace(/\\sqrt\s*(?:\[[^\]]*\])?\s*\{([^{}]*)\}/g, (_m, inner: string) => `√${wrap(inner)}`)
    .replace(/\\\\/g, '; ')
    .replace(
      /\\([a-zA-Z]+|.)/g,
      (_m, name: string) => SYMBOLS[name] ?? (SILENT.has(name) || /^[,;:! ]$/.test(name) ? ' ' : /^[a-zA-Z]/.test(name) && !isFormatting(name) ? name : ' '),
    )
    .replace(/[{}]/g, '')
    .replace(/&/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Font and accent commands: their argument is what is read. */
function isFormatting(name: string): boolean {
  return /^(?:math[a-z]*|text[a-z]*|boldsymbol|bm|operatorname|mbox|hat|bar|tilde|vec|dot|ddot|overline|underline|widehat|widetilde|overrightarrow)$/.test(
    name,
  );
}

function wrap(text: string): string {
  const inner = text.trim();
  return /^[\p{L}\p{N}.]+$/u.test(inner) ? inner : `(${inner})`;
}
