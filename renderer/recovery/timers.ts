/**
 * The timers the backup scheduler and the external-change watcher wait with, injectable so their
 * policies are tested with fake time and without a browser.
 */
/** What the schedulers need of the timers; the browser's by default. */
export interface Timers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** The browser's own timers, which the schedulers use unless a test passes its own. */
export const browserTimers: Timers = {
  setTimeout: (callback, ms) => globalThis.setTimeout(callback, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>),
};
