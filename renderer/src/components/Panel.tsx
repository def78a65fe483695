import { useEffect, useId, useRef, type ReactNode } from 'react';

interface PanelProps {
  title: string;
  closeLabel: string;
  onClose: () => void;
  /** Extra class for the panel's own layout. */
  className?: string;
  /** A click anywhere else closes it (except on the expanded button that opened it, which toggles it). */
  closeOnOutsideClick?: boolean;
  children: ReactNode;
}

/** A non-modal panel under the top bar (settings, sharing): a titled dialog that Escape or ✕ closes. */
export function Panel({ title, closeLabel, onClose, className, closeOnOutsideClick, children }: PanelProps) {
  const headingId = useId();
  const panel = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!closeOnOutsideClick) return;
    const onPointerDown = (event: PointerEvent) => {
      const target = event.target as Element;
      if (!panel.current?.contains(target) && !target.closest('[aria-expanded="true"]')) onClose();
    };
    document.addEventListener('pointerdown', onPointerDown);
    return () => document.removeEventListener('pointerdown', onPointerDown);
  }, [closeOnOutsideClick, onClose]);
  return (
    <div
      ref={panel}
      className={`settings-panel${className ? ` ${className}` : ''}`}
      role="dialog"
      aria-modal="false"
      aria-labelledby={headingId}
      onKeyDown={(event) => event.key === 'Escape' && onClose()}
    >
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
