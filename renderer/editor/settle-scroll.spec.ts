// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { outside, SETTLE_MS, settleScroll } from './settle-scroll';

beforeEach(() => vi.useFakeTimers({ toFake: ['requestAnimationFrame', 'cancelAnimationFrame', 'performance'] }));
afterEach(() => vi.useRealTimers());

/** A scroller that nothing but the test scrolls. */
const scroller = { scrollTop: 10_000 } as Element;
beforeEach(() => (scroller.scrollTop = 10_000));

/** Runs `frames` animation frames, 16 ms apart. */
const frames = (count: number) => {
  for (let i = 0; i < count; i++) vi.advanceTimersByTime(16);
};

describe('settling a jump', () => {
  /** The place's top on screen, aimed at 400: how far it is from there. */
  const aim = (top: number) => top - 400;
  /** A jump that put its place at 400: `place.top` is where it is now, and `scroll` puts it back. */
  const jump = () => {
    const place = { top: 400 };
    const scroll = vi.fn(() => (place.top = 400));
    settleScroll(scroller, () => place.top, aim, scroll);
    return { place, scroll };
  };

  it('scrolls again in the frame the place has moved from where the jump put it, and only then', () => {
    // In place, in place, then 347 px down as the blocks above it are drawn, then in place after the scroll.
    const { place, scroll } = jump();
    frames(2);
    expect(scroll).not.toHaveBeenCalled();
    place.top = 747;
    frames(1);
    expect(scroll).toHaveBeenCalledTimes(1);
    frames(10);
    expect(scroll).toHaveBeenCalledTimes(1);
  });

  it('watches for as long as the blocks take to be drawn, and no longer', () => {
    const { place, scroll } = jump();
    frames(Math.floor(SETTLE_MS / 16) - 4);
    place.top = 450;
    frames(1);
    expect(scroll).toHaveBeenCalledTimes(1);
    frames(40);
    place.top = 480;
    frames(5);
    expect(scroll).toHaveBeenCalledTimes(1);
  });

  it('corrects a shift the browser’s own scroll adjustment did not undo', () => {
    // The blocks above drawn taller, the browser scrolls 200 px to keep some other block in place: the place still
    // moved 300 px, which is no scroll of the user's.
    const { place, scroll } = jump();
    frames(1);
    scroller.scrollTop += 200;
    place.top = 700;
    frames(1);
    expect(scroll).toHaveBeenCalledTimes(1);
  });

  it('ends when anything else scrolls the page (the place moves with the scroll), so that scroll stands', () => {
    const { place, scroll } = jump();
    frames(2);
    scroller.scrollTop -= 5000;
    place.top += 5000;
    frames(5);
    expect(scroll).not.toHaveBeenCalled();
  });

  it('never fights the user: a wheel, a click or a key ends it', () => {
    for (const event of [new WheelEvent('wheel'), new MouseEvent('pointerdown'), new KeyboardEvent('keydown')]) {
      const { place, scroll } = jump();
      frames(1);
      window.dispatchEvent(event);
      place.top = 600;
      frames(5);
      expect(scroll, event.type).not.toHaveBeenCalled();
    }
  });

  it('ends when the place is gone', () => {
    const where = vi.fn((): number | undefined => undefined);
    settleScroll(scroller, where, aim, vi.fn());
    frames(5);
    expect(where).toHaveBeenCalledTimes(2);
  });
});

describe('outside', () => {
  it('is 0 for a caret on screen, else how far it is above or below', () => {
    const box = { top: 40, bottom: 870 };
    expect(outside({ top: 100, bottom: 124 }, box)).toBe(0);
    expect(outside({ top: 1849, bottom: 1873 }, box)).toBe(1003);
    expect(outside({ top: -60, bottom: -36 }, box)).toBe(-100);
  });
});
