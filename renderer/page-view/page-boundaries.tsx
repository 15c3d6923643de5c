/**
 * The page boundaries over the page (issue 14): where `layoutSpeech` starts a new page, a rule across the sheet with
 * the page's number, and a mark before the page's first character (the editor's lines are not the printed ones, so a
 * page may start inside a line on screen). Drawn in a layer of their own over the page, never in the text: a widget
 * among the characters breaks IME compositions beside it (the duplicate-letter pitfall heading-numbers.ts avoids too).
 * Positions come
 * from `view.coordsAtPos` of each page's first character, measured in a frame of their own after a new layout, a
 * resize of the text or the desk, a scroll or a zoom, and only for the boundaries near the screen, so a keystroke
 * costs nothing here and a 500-page speech a few measurements.
 */
import { useEffect, useRef, useState, type RefObject } from 'react';
import type { Editor } from '@tiptap/core';
import type { EditorView } from '@tiptap/pm/view';
import { useTranslation } from 'react-i18next';
import { coalesce, nextFrame } from './coalesce';
import type { PageLayoutStore } from './page-layout-store';
import { usePages } from './use-page-layout';
import './page-view.css';

/** One boundary as drawn: the page it starts (1-based) and where, in the layer's own (unzoomed) pixels. */
export interface DrawnBoundary {
  page: number;
  /** The rule's offset from the layer's top: the top of the line holding the page's first character. */
  top: number;
  /** The first character's left edge and its line's height. */
  left: number;
  height: number;
}

/** How far beyond the scroller's visible part boundaries are still drawn, in screens. */
const OVERSCAN = 1;

/**
 * The boundaries of `starts` (page starts, ascending; the first page has none above it) whose lines are within
 * `OVERSCAN` screens of `scroller`'s visible part, positioned relative to `layer` at zoom `scale`. Finds the first by
 * bisection (positions grow down the page), so it measures about log₂(pages) + the visible ones.
 */
export function measureBoundaries(
  view: EditorView,
  starts: readonly number[],
  layer: HTMLElement,
  scroller: HTMLElement,
  scale: number,
): DrawnBoundary[] {
  const size = view.state.doc.content.size;
  const box = scroller.getBoundingClientRect();
  const reach = box.height * OVERSCAN;
  const top = box.top - reach;
  const bottom = box.bottom + reach;
  const coords = (i: number) => view.coordsAtPos(Math.min(starts[i]!, size), 1);
  let low = 1;
  let high = starts.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (coords(mid).bottom < top) low = mid + 1;
    else high = mid;
  }
  const origin = layer.getBoundingClientRect();
  // The rule sits where the line box starts: half the leading above the glyphs.
  const lineHeight = parseFloat(getComputedStyle(view.dom).lineHeight) * scale || 0;
  const drawn: DrawnBoundary[] = [];
  for (let i = low; i < starts.length; i++) {
    const at = coords(i);
    if (at.top > bottom) break;
    const glyphs = at.bottom - at.top;
    const halfLeading = Math.max(0, (lineHeight - glyphs) / 2);
    drawn.push({
      page: i + 1,
      top: (at.top - halfLeading - origin.top) / scale,
      left: (at.left - origin.left) / scale,
      height: Math.max(glyphs, lineHeight) / scale,
    });
  }
  return drawn;
}

/** Whether two drawings are the same, so an unchanged one does not re-render. */
function sameDrawing(a: readonly DrawnBoundary[], b: readonly DrawnBoundary[]): boolean {
  return (
    a.length === b.length &&
    a.every((x, i) => {
      const y = b[i]!;
      return x.page === y.page && x.top === y.top && x.left === y.left && x.height === y.height;
    })
  );
}

/** What the boundary layer draws over: the editor, its pages, the desk it scrolls in and the zoom. */
export interface PageBoundariesProps {
  editor: Editor;
  /** The speech's pages, read at each layout's end. */
  pages: PageLayoutStore | undefined;
  /** The scrolling desk the page sits on. */
  scroller: RefObject<HTMLElement | null>;
  /** The zoom the page is shown at, in percent. */
  zoom: number;
}

/** The layer of page boundaries over `editor`'s page, for `pages` (nothing until the first layout). */
export function PageBoundaries({ editor, pages: store, scroller, zoom }: PageBoundariesProps) {
  const { t } = useTranslation();
  const pages = usePages(store);
  const layer = useRef<HTMLDivElement>(null);
  const [drawn, setDrawn] = useState<DrawnBoundary[]>([]);
  const latest = useRef({ pages, zoom });
  latest.current = { pages, zoom };
  const measure = useRef(
    coalesce(() => {
      const { pages: now, zoom: scale } = latest.current;
      const element = layer.current;
      const desk = scroller.current;
      if (editor.isDestroyed || !element || !desk) return;
      // Positions of an older document would land on the wrong characters: the next layout measures again.
      if (!now || now.doc !== editor.state.doc) return;
      const next = measureBoundaries(editor.view, now.starts, element, desk, scale / 100);
      setDrawn((old) => (sameDrawing(old, next) ? old : next));
    }, nextFrame),
  ).current;

  // A new layout or zoom: measure in the next frame.
  useEffect(() => measure.request(), [measure, pages, zoom]);
  // The text reflowing (a line more or fewer, the fonts arriving) or the desk resizing, and scrolling.
  useEffect(() => {
    const desk = scroller.current;
    if (!desk || editor.isDestroyed) return undefined;
    const observer = new ResizeObserver(() => measure.request());
    observer.observe(editor.view.dom);
    observer.observe(desk);
    const onScroll = () => measure.request();
    desk.addEventListener('scroll', onScroll, { passive: true });
    return () => {
      observer.disconnect();
      desk.removeEventListener('scroll', onScroll);
      measure.cancel();
    };
  }, [editor, scroller, measure]);

  return (
    <div className="page-boundaries" ref={layer} aria-hidden="true" data-testid="page-boundaries">
      {drawn.map((boundary) => (
        <div
          key={boundary.page}
          className="page-boundary"
          data-testid="page-boundary"
          data-page={boundary.page}
          style={{ top: boundary.top }}
        >
          <span className="page-boundary-label">{t('pageView.boundary', { page: boundary.page })}</span>
          <span
            className="page-boundary-start"
            data-testid="page-boundary-start"
            style={{ left: boundary.left, height: boundary.height }}
          />
        </div>
      ))}
    </div>
  );
}
