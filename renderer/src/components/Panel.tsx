import { useId, type ReactNode } from 'react';

interface PanelProps {
  title: string;
  closeLabel: string;
  onClose: () => void;
  /** Extra class for the panel's own layout. */
  className?: string;
  children: ReactNode;
}

/** A non-modal panel under the top bar (settings, sharing): a titled dialog that Escape or ✕ closes. */
export function Panel({ title, closeLabel, onClose, className, children }: PanelProps) {
  const headingId = useId();
  return (
    <div className={`settings-panel${className ? ` ${className}` : ''}`} role="dialog" aria-modal="false" aria-labelledby={headingId} onKeyDown={(event) => event.key === 'Escape' && onClose()}>
      <div className="settings-head">
        <h2 id={headingId}>{title}</h2>
        <button type="button" className="icon-button" onClick={onClose} aria-label={closeLabel}>
          ✕
        </button>
      </div>
      {children}
    </div>
  );
}
