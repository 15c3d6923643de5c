/**
 * Work that must follow a change but never ride on the keystroke that made it (issue 14: the page layout and the
 * page boundaries' positions): many requests before the work runs make one run.
 */

/** Asks for `callback` to run later; answers a function that cancels that request. */
export type Schedule = (callback: () => void) => () => void;

/** A request for coalesced work: `request` asks for a run, `cancel` drops a pending one (when its owner goes). */
export interface Coalesced {
  /** Asks for one run; while one is pending, does nothing more. */
  request(): void;
  /** Drops the pending run, if any; a later `request` schedules again. */
  cancel(): void;
  /** Whether a run is pending. */
  readonly pending: boolean;
}

/**
 * Runs `work` once through `schedule` for any number of `request`s made before it ran. A request made while `work`
 * runs schedules one more run (the change it answers came after the run started).
 */
export function coalesce(work: () => void, schedule: Schedule): Coalesced {
  let cancelPending: (() => void) | undefined;
  return {
    request() {
      if (cancelPending) return;
      cancelPending = schedule(() => {
        cancelPending = undefined;
        work();
      });
    },
    cancel() {
      cancelPending?.();
      cancelPending = undefined;
    },
    get pending() {
      return cancelPending !== undefined;
    },
  };
}

/** Schedules for the next frame, before it is drawn: for measuring what that frame will show. */
export const nextFrame: Schedule = (callback) => {
  const id = requestAnimationFrame(() => callback());
  return () => cancelAnimationFrame(id);
};

/**
 * Schedules for `delay` ms from now and then for when the window is idle (after the frames the input asked for), at
 * most `timeout` ms later while it stays busy: for work a keystroke's frame must not wait for.
 */
export function whenIdle(delay: number, timeout: number): Schedule {
  return (callback) => {
    let idle: number | undefined;
    const timer = setTimeout(() => {
      if (typeof requestIdleCallback === 'function') idle = requestIdleCallback(() => callback(), { timeout });
      else callback();
    }, delay);
    return () => {
      clearTimeout(timer);
      if (idle !== undefined) cancelIdleCallback(idle);
    };
  };
}
