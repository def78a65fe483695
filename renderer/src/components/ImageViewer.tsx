import { useContext, useEffect, useId, useRef, useState, type PointerEvent as ReactPointerEvent } from 'react';
import { lectureImageSizes } from '../api/imageSizes.js';
import { StringsContext } from '../i18n.js';

const ZOOMS = [0.5, 0.75, 1, 1.5, 2, 3, 4];
const PAN_STEP = 60;

/**
 * A lecture image that opens full size on click or Enter; it keeps its space while loading so the page does not jump.
 * On the page it is the copy its `srcSet` offers for its width; the viewer shows the file itself (`src`).
 */
export function ViewableImage({
  src,
  srcSet,
  alt,
  width,
  height,
  className,
}: {
  src: string;
  srcSet?: string;
  alt: string;
  width?: number | string;
  height?: number | string;
  className?: string;
}) {
  const strings = useContext(StringsContext);
  const [open, setOpen] = useState(false);
  const [loaded, setLoaded] = useState(false);
  const [failed, setFailed] = useState(false);
  // An image that cannot be loaded shows (and prints) its description, like one that is not offline.
  if (failed) {
    return (
      <span className="image-placeholder" role="img" aria-label={alt || strings.imageOffline}>
        <span aria-hidden="true">🖼</span> {alt || strings.imageOffline}
      </span>
    );
  }
  return (
    <>
      <button type="button" className="image-button" aria-label={strings.openImage(alt)} onClick={() => setOpen(true)}>
        <img
          src={src}
          srcSet={srcSet}
          sizes={srcSet && lectureImageSizes(width)}
          alt={alt}
          width={width}
          height={height}
          loading="lazy"
          decoding="async"
          className={[className, loaded ? '' : 'image-loading'].filter(Boolean).join(' ') || undefined}
          onLoad={() => setLoaded(true)}
          onError={() => setFailed(true)}
        />
      </button>
      {open && <ImageViewer src={src} alt={alt} onClose={() => setOpen(false)} />}
    </>
  );
}

/** The image full size in a modal dialog: zoom buttons and keys (+, −, 0), pan by dragging or the arrow keys, Esc closes. */
export function ImageViewer({ src, alt, onClose }: { src: string; alt: string; onClose: () => void }) {
  const strings = useContext(StringsContext);
  const dialog = useRef<HTMLDialogElement>(null);
  const captionId = useId();
  const [zoom, setZoom] = useState(2);
  const [pan, setPan] = useState({ x: 0, y: 0 });
  const drag = useRef<{ x: number; y: number } | null>(null);
  useEffect(() => {
    const element = dialog.current;
    element?.showModal();
    return () => element?.close();
  }, []);
  const zoomBy = (step: number) => setZoom((index) => Math.min(ZOOMS.length - 1, Math.max(0, index + step)));
  const reset = () => {
    setZoom(2);
    setPan({ x: 0, y: 0 });
  };
  const onKey = (event: React.KeyboardEvent) => {
    const moves: Record<string, [number, number]> = { ArrowLeft: [PAN_STEP, 0], ArrowRight: [-PAN_STEP, 0], ArrowUp: [0, PAN_STEP], ArrowDown: [0, -PAN_STEP] };
    if (event.key === '+' || event.key === '=') zoomBy(1);
    else if (event.key === '-') zoomBy(-1);
    else if (event.key === '0') reset();
    else if (moves[event.key]) setPan((at) => ({ x: at.x + moves[event.key][0], y: at.y + moves[event.key][1] }));
    else return;
    event.preventDefault();
  };
  const onPointerMove = (event: ReactPointerEvent) => {
    if (!drag.current) return;
    const from = drag.current;
    drag.current = { x: event.clientX, y: event.clientY };
    setPan((at) => ({ x: at.x + event.clientX - from.x, y: at.y + event.clientY - from.y }));
  };
  return (
    <dialog
      ref={dialog}
      className="image-viewer"
      aria-label={strings.imageViewer}
      aria-describedby={alt ? captionId : undefined}
      onClose={onClose}
      onKeyDown={onKey}
    >
      <div className="viewer-tools" role="toolbar" aria-label={strings.imageViewer}>
        <button type="button" onClick={() => zoomBy(-1)} aria-label={strings.zoomOut} disabled={zoom === 0}>
          −
        </button>
        <output aria-live="polite">{Math.round(ZOOMS[zoom] * 100)} %</output>
        <button type="button" onClick={() => zoomBy(1)} aria-label={strings.zoomIn} disabled={zoom === ZOOMS.length - 1}>
          +
        </button>
        <button type="button" onClick={reset}>
          {strings.zoomReset}
        </button>
        <button type="button" onClick={onClose} aria-label={strings.close} autoFocus>
          ✕
        </button>
      </div>
      <div
        className="viewer-stage"
        onPointerDown={(event) => {
          drag.current = { x: event.clientX, y: event.clientY };
          event.currentTarget.setPointerCapture(event.pointerId);
        }}
        onPointerMove={onPointerMove}
        onPointerUp={() => (drag.current = null)}
        onWheel={(event) => zoomBy(event.deltaY < 0 ? 1 : -1)}
      >
        <img src={src} alt={alt} draggable={false} style={{ transform: `translate(${pan.x}px, ${pan.y}px) scale(${ZOOMS[zoom]})` }} />
      </div>
      {alt && (
        <p className="viewer-caption" id={captionId}>
          {alt}
        </p>
      )}
    </dialog>
  );
}
