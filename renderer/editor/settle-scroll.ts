/**
 * A jump far down a long speech (an outline row, F3 to the next placeholder, find) first lands where the blocks
 * above the place were guessed to end. Off screen a block skips its layout (content-visibility: auto, styles.css;
 * issue 18) and holds the height it last had, or about two lines if it was never drawn; the blocks the jump brings
 * on screen are drawn in the frames after it at their real heights, and the place moves down the page, half off
 * the screen or out of it. So after a jump the place is scrolled to again, in each following frame while it
 * is not where the jump meant to put it (centred, or on screen), for the moment those blocks take.
 */
import { Extension } from '@tiptap/core';
import { Plugin, PluginKey } from '@tiptap/pm/state';

/** How long after a jump the place is watched, in ms: the blocks it brings on screen are drawn a few frames late. */
export const SETTLE_MS = 600;

/** Where a jump meant to put its place: how far, in pixels, the place (its top on screen) is from there. */
export type Aim = (top: number) => number;

/**
 * In each animation frame for `ms` after a jump, scrolls `scroller` again with `scroll` whenever the place (`where`:
 * its top on screen) is more than a pixel from where `aim` says the jump meant to put it. Stops early when `where`
 * answers undefined (the place is gone), when the user scrolls, clicks or types, or when the page was scrolled by
 * anything else (a scroll of the app's own: the place moved with the scroll): a scroll is never fought. The blocks
 * drawn late move the place without such a scroll, or with the browser's own adjustment that does not move it.
 */
export function settleScroll(
  scroller: Element,
  where: () => number | undefined,
  aim: Aim,
  scroll: () => void,
  ms = SETTLE_MS,
): void {
  const end = performance.now() + ms;
  let stopped = false;
  let top = scroller.scrollTop;
  let place = where();
  const stop = () => {
    stopped = true;
    for (const type of USER_EVENTS) window.removeEventListener(type, stop, true);
  };
  for (const type of USER_EVENTS) window.addEventListener(type, stop, true);
  const check = () => {
    if (stopped) return;
    const now = where();
    if (now === undefined || place === undefined) return stop();
    const scrolled = scroller.scrollTop - top;
    if (Math.abs(scrolled) > 1 && Math.abs(now - place + scrolled) < 2) return stop();
    if (Math.abs(aim(now)) > 1) scroll();
    top = scroller.scrollTop;
    place = where();
    if (performance.now() < end) requestAnimationFrame(check);
    else stop();
  };
  requestAnimationFrame(check);
}

/** What the user does that ends the settling of a jump. */
const USER_EVENTS = ['wheel', 'pointerdown', 'keydown', 'touchstart'] as const;

/** How far `rect` is from being inside `box` (0 when it is, else the distance to move it in). */
export function outside(rect: { top: number; bottom: number }, box: { top: number; bottom: number }): number {
  if (rect.top < box.top) return rect.top - box.top;
  if (rect.bottom > box.bottom) return rect.bottom - box.bottom;
  return 0;
}

const settleKey = new PluginKey('scrollSettle');

/** The element `element` scrolls in: its nearest ancestor that scrolls, else the document's. */
export function scrollerOf(element: Element): Element | null {
  for (let el = element.parentElement; el; el = el.parentElement) {
    const { overflowY } = getComputedStyle(el);
    if (overflowY === 'auto' || overflowY === 'scroll') return el;
  }
  return document.scrollingElement;
}

/**
 * Settles a jump of the caret that scrolled the page by more than half a screen, ProseMirror's (F3, a fill) or the
 * browser's (Ctrl+End, Ctrl+Home, a page of PageDown): the caret is kept on screen while the blocks around it are
 * drawn. A keystroke's scroll of a line or two, and a scroll that moves no caret, are left alone.
 */
export const ScrollSettle = Extension.create({
  name: 'scrollSettle',

  addProseMirrorPlugins() {
    return [
      new Plugin({
        key: settleKey,
        view() {
          // Found once the page is in the window (TipTap makes the view before it mounts it).
          let scroller: Element | null = null;
          let top = 0;
          return {
            update(updated, prev) {
              if (!scroller?.contains(updated.dom)) scroller = scrollerOf(updated.dom);
              const before = top;
              top = scroller?.scrollTop ?? 0;
              if (!scroller || updated.state.selection.eq(prev.selection)) return;
              if (Math.abs(top - before) <= scroller.clientHeight / 2) return;
              const box = scroller;
              settleScroll(
                box,
                () => (updated.isDestroyed ? undefined : updated.coordsAtPos(updated.state.selection.head).top),
                (caretTop) => outside({ top: caretTop, bottom: caretTop + 1 }, box.getBoundingClientRect()),
                () => updated.dispatch(updated.state.tr.scrollIntoView()),
              );
            },
          };
        },
      }),
    ];
  },
});
