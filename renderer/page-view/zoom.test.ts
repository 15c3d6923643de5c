import { describe, expect, it } from 'vitest';
import { clampZoom, fitWidthZoom, shownZoom, zoomInFrom, zoomOutFrom } from './zoom';

describe('zoom steps', () => {
  it('walks up and down the steps, within 50–200 %', () => {
    expect(zoomInFrom(100)).toBe(110);
    expect(zoomOutFrom(100)).toBe(90);
    expect(zoomOutFrom(75)).toBe(67);
    expect(zoomInFrom(200)).toBe(200);
    expect(zoomOutFrom(50)).toBe(50);
  });

  it('steps from a fitted zoom between steps to the next step either way', () => {
    expect(zoomInFrom(88)).toBe(90);
    expect(zoomOutFrom(88)).toBe(80);
  });

  it('holds a zoom from anywhere to 50–200 %', () => {
    expect(clampZoom(20)).toBe(50);
    expect(clampZoom(500)).toBe(200);
    expect(clampZoom(Number.NaN)).toBe(100);
  });
});

describe('the zoom shown', () => {
  it('fits the page to the room, within 50–200 %', () => {
    expect(fitWidthZoom(794, 794)).toBe(100);
    expect(fitWidthZoom(600, 800)).toBe(75);
    expect(fitWidthZoom(100, 800)).toBe(50);
    expect(fitWidthZoom(4000, 800)).toBe(200);
    expect(fitWidthZoom(0, 800)).toBe(100);
  });

  it('shrinks a zoom up to 100 % to fit when a panel narrows the desk, and keeps it when the page fits', () => {
    expect(shownZoom({ kind: 'percent', percent: 100 }, 88)).toBe(88);
    expect(shownZoom({ kind: 'percent', percent: 75 }, 88)).toBe(75);
    expect(shownZoom({ kind: 'percent', percent: 100 }, 130)).toBe(100);
  });

  it('keeps a zoom above 100 % the user asked for, and follows the width when fitting', () => {
    expect(shownZoom({ kind: 'percent', percent: 150 }, 88)).toBe(150);
    expect(shownZoom({ kind: 'fit' }, 88)).toBe(88);
    expect(shownZoom({ kind: 'fit' }, 130)).toBe(130);
  });
});
