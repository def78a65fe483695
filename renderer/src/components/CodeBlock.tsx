import type { Element } from 'hast';
import { toString } from 'hast-util-to-string';
import { useContext, useRef, useState, type ReactNode } from 'react';
import { StringsContext } from '../i18n.js';

/** Shown names of the languages lectures use most; others are shown as written in the fence. */
const LANGUAGE_NAMES: Record<string, string> = {
  py: 'Python',
  python: 'Python',
  js: 'JavaScript',
  ts: 'TypeScript',
  sh: 'Shell',
  bash: 'Bash',
  shell: 'Shell',
  dockerfile: 'Dockerfile',
  docker: 'Dockerfile',
  yaml: 'YAML',
  yml: 'YAML',
  json: 'JSON',
  sql: 'SQL',
};

/**
 * Copies `text`. `navigator.clipboard` exists only in secure contexts (not on a classroom's
 * `http://<LAN address>`): there, a hidden textarea and `execCommand('copy')`, which browsers still honour
 * inside a click. Returns false when neither worked.
 */
async function copyText(text: string): Promise<boolean> {
  if (window.isSecureContext && navigator.clipboard) {
    try {
      await navigator.clipboard.writeText(text);
      return true;
    } catch {
      // Refused (permissions): try the old way.
    }
  }
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.position = 'fixed';
  area.style.opacity = '0';
  document.body.append(area);
  area.select();
  try {
    return document.execCommand('copy');
  } catch {
    return false;
  } finally {
    area.remove();
  }
}

/** The fence's language (`language-python` on the `<code>` inside the block's `<pre>`). */
function languageOf(pre: Element | undefined): string | undefined {
  const code = pre?.children[0];
  const classes = code?.type === 'element' && Array.isArray(code.properties.className) ? code.properties.className : [];
  return classes
    .map(String)
    .find((name) => name.startsWith('language-'))
    ?.slice('language-'.length);
}

/**
 * A code block (the pipeline's, passed as `children`) under a head with its language and a "Sao chép mã" button.
 * The whole code is copied, also when the block shows only its first lines; when copying is refused, the shown
 * code is selected for Ctrl+C.
 */
export function CodeBlock({ node, children }: { node?: Element; children: ReactNode }) {
  const strings = useContext(StringsContext);
  const block = useRef<HTMLDivElement>(null);
  const [status, setStatus] = useState('');
  const language = languageOf(node);
  const copy = async () => {
    if (await copyText(node ? toString(node) : '')) return setStatus(strings.copied);
    const pre = block.current?.querySelector('pre');
    if (pre) document.getSelection()?.selectAllChildren(pre);
    setStatus(strings.pressCtrlC);
  };
  return (
    <div className="code-block" ref={block}>
      <div className="code-block-head">
        <span className="code-language">{language ? (LANGUAGE_NAMES[language] ?? language) : strings.code}</span>
        <span className="copy-status" role="status">
          {status}
        </span>
        <button type="button" className="copy-button" onClick={copy} onBlur={() => setStatus('')}>
          {strings.copyCode}
        </button>
      </div>
      {children}
    </div>
  );
}
