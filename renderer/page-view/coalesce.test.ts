import { describe, expect, it } from 'vitest';
import { coalesce, type Schedule } from './coalesce';

/** A schedule the test runs by hand: `flush` runs what was asked for, in order. */
function manual() {
  const queue: Array<{ callback: () => void; cancelled: boolean }> = [];
  const schedule: Schedule = (callback) => {
    const entry = { callback, cancelled: false };
    queue.push(entry);
    return () => {
      entry.cancelled = true;
    };
  };
  const flush = () => {
    for (const entry of queue.splice(0)) if (!entry.cancelled) entry.callback();
  };
  return { schedule, flush, scheduled: () => queue.filter((entry) => !entry.cancelled).length };
}

describe('coalesced work', () => {
  it('runs once for many requests made before it ran, and not at the request', () => {
    const clock = manual();
    let runs = 0;
    const work = coalesce(() => runs++, clock.schedule);
    for (let i = 0; i < 50; i++) work.request();
    expect(runs).toBe(0);
    expect(clock.scheduled()).toBe(1);
    expect(work.pending).toBe(true);
    clock.flush();
    expect(runs).toBe(1);
    expect(work.pending).toBe(false);
  });

  it('runs again for a request after the run', () => {
    const clock = manual();
    let runs = 0;
    const work = coalesce(() => runs++, clock.schedule);
    work.request();
    clock.flush();
    work.request();
    work.request();
    clock.flush();
    expect(runs).toBe(2);
  });

  it('schedules one more run for a request made while the work runs', () => {
    const clock = manual();
    let runs = 0;
    const work = coalesce(() => {
      runs++;
      if (runs === 1) work.request();
    }, clock.schedule);
    work.request();
    clock.flush();
    expect(runs).toBe(1);
    expect(clock.scheduled()).toBe(1);
    clock.flush();
    expect(runs).toBe(2);
  });

  it('drops a pending run when cancelled, and schedules afresh after', () => {
    const clock = manual();
    let runs = 0;
    const work = coalesce(() => runs++, clock.schedule);
    work.request();
    work.cancel();
    clock.flush();
    expect(runs).toBe(0);
    work.request();
    clock.flush();
    expect(runs).toBe(1);
  });
});
