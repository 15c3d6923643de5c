/**
 * The page view's zoom as the window holds it (issue 14): the user's choice, the desk's width it is fitted to, and
 * the commands that change it (Ctrl+= / Ctrl+- / Ctrl+Alt+0 and 适合宽度, from the View menu, the toolbar and the keys).
 */
import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';
import { ACTUAL_SIZE, clampZoom, fitWidthZoom, shownZoom, zoomInFrom, zoomOutFrom, type ZoomChoice } from './zoom';

/** The printed page's width in CSS pixels (210 mm, as .page is). */
const PAGE_WIDTH_PX = (210 * 96) / 25.4;
/** The desk's paper-grey margin kept either side of a fitted page, in CSS pixels. */
const FIT_GUTTER_PX = 16;

/** The zoom the page is shown at and the functions that change it; each keeps its identity across renders. */
export interface PageZoom {
  choice: ZoomChoice;
  /** The zoom the page is shown at now, in percent. */
  shown: number;
  zoomIn(): void;
  zoomOut(): void;
  /** Back to 100 %. */
  reset(): void;
  /** Fits the page to the desk's width, following it as panels open and close. */
  fitWidth(): void;
}

/** The zoom of the page on the desk `desk` (its width observed, so fit width and the shrink-to-fit follow it). */
export function usePageZoom(desk: RefObject<HTMLElement | null>): PageZoom {
  const [choice, setChoice] = useState<ZoomChoice>(ACTUAL_SIZE);
  const [fit, setFit] = useState(100);
  useEffect(() => {
    const element = desk.current;
    if (!element) return undefined;
    const measure = () => {
      // clientWidth includes the desk's padding and excludes its scroll bar: the room a page has.
      const available = element.clientWidth - 2 * FIT_GUTTER_PX;
      setFit(fitWidthZoom(available, PAGE_WIDTH_PX));
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, [desk]);
  const shown = shownZoom(choice, fit);
  // The steps start from the zoom shown, so Ctrl+- from a fitted 88 % goes to 80 %, not to 90 %.
  const latest = useRef(shown);
  latest.current = shown;
  const zoomIn = useCallback(() => setChoice({ kind: 'percent', percent: zoomInFrom(latest.current) }), []);
  const zoomOut = useCallback(() => setChoice({ kind: 'percent', percent: zoomOutFrom(latest.current) }), []);
  const reset = useCallback(() => setChoice({ kind: 'percent', percent: clampZoom(100) }), []);
  const fitWidth = useCallback(() => setChoice({ kind: 'fit' }), []);
  return { choice, shown, zoomIn, zoomOut, reset, fitWidth };
}
