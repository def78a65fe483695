import { useEffect } from 'react';
import type { Strings } from '../i18n.js';

/** Mouse buttons 4 and 5 ("back" and "forward" on the side of many mice). */
const MOUSE_BACK = 3;
const MOUSE_FORWARD = 4;

/**
 * Back and forward between lectures in the desktop window, which has no browser toolbar: two buttons,
 * Alt+← / Alt+→ and the mouse's side buttons. Lectures are hash routes, so the window's history holds them.
 */
export function HistoryButtons({ strings }: { strings: Strings }) {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
      if (event.key === 'ArrowLeft') history.back();
      else if (event.key === 'ArrowRight') history.forward();
      else return;
      event.preventDefault();
    };
    const onMouse = (event: MouseEvent) => {
      if (event.button === MOUSE_BACK) history.back();
      else if (event.button === MOUSE_FORWARD) history.forward();
      else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    window.addEventListener('mouseup', onMouse);
    return () => {
      window.removeEventListener('keydown', onKey);
      window.removeEventListener('mouseup', onMouse);
    };
  }, []);
  return (
    <span className="history-buttons">
      <button type="button" className="icon-button" aria-label={strings.back} title={`${strings.back} (Alt+←)`} onClick={() => history.back()}>
        ←
      </button>
      <button type="button" className="icon-button" aria-label={strings.forward} title={`${strings.forward} (Alt+→)`} onClick={() => history.forward()}>
        →
      </button>
    </span>
  );
}
