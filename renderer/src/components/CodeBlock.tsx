import { useContext, useRef, useState, type ReactNode } from 'react';
import { StringsContext } from '../i18n.js';

/** Shown names of the languages lectures use most; others are shown as written in the fence. */
const LANGUAGE_NAMES: Record<string, string> = { py: 'Python', python: 'Python', js: 'JavaScript', ts: 'TypeScript', sh: 'Shell', bash: 'Bash', shell: 'Shell', dockerfile: 'Dockerfile', docker: 'Dockerfile', yaml: 'YAML', yml: 'YAML', json: 'JSON', sql: 'SQL' };

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

/** A code block with its language and a "Sao chép mã" button; when copying is refused, the code is selected for Ctrl+C. */
export function CodeBlock({ language, children }: { language?: string; children: ReactNode }) {
  const strings = useContext(StringsContext);
  const pre = useRef<HTMLPreElement>(null);
  const [status, setStatus] = useState('');
  const copy = async () => {
    const code = pre.current?.innerText ?? '';
    if (await copyText(code)) return setStatus(strings.copied);
    const selection = document.getSelection();
    selection?.selectAllChildren(pre.current!);
    setStatus(strings.pressCtrlC);
  };
  return (
    <div className="code-block">
      <div className="code-block-head">
        <span className="code-language">{language ? (LANGUAGE_NAMES[language] ?? language) : strings.code}</span>
        <span className="copy-status" role="status">
          {status}
        </span>
        <button type="button" className="copy-button" onClick={copy} onBlur={() => setStatus('')}>
          {strings.copyCode}
        </button>
      </div>
      <pre ref={pre}>{children}</pre>
    </div>
  );
}
