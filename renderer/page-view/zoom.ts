/**
 * The page view's zoom (issue 14): the steps Ctrl+= and Ctrl+- walk, 50–200 %, fit width, and the page shrinking to
 * the desk's width instead of being cut off when a side panel narrows it.
 */

/** The smallest zoom, in percent. */
export const MIN_ZOOM = 50;
/** The largest zoom, in percent. */
export const MAX_ZOOM = 200;

/** The zoom steps, in percent, as browsers and word processors offer them. */
export const ZOOM_STEPS = [50, 67, 75, 80, 90, 100, 110, 125, 150, 175, 200] as const;

/** What the user chose: a percentage, or fitting the page to the desk's width. */
export type ZoomChoice = { kind: 'percent'; percent: number } | { kind: 'fit' };

/** 100 %, the page at its printed size. */
export const ACTUAL_SIZE: ZoomChoice = { kind: 'percent', percent: 100 };

/** `percent` held to 50–200 and rounded to a whole percent. */
export function clampZoom(percent: number): number {
  if (!Number.isFinite(percent)) return 100;
  return Math.round(Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, percent)));
}

/** The next step above `percent` (from whatever zoom is shown, a fitted 83 % included), at most 200 %. */
export function zoomInFrom(percent: number): number {
  return ZOOM_STEPS.find((step) => step > Math.round(percent)) ?? MAX_ZOOM;
}

/** The next step below `percent`, at least 50 %. */
export function zoomOutFrom(percent: number): number {
  return [...ZOOM_STEPS].reverse().find((step) => step < Math.round(percent)) ?? MIN_ZOOM;
}

/** The zoom, in percent, at which a page `pageWidth` wide fills `available` (both in CSS pixels), within 50–200. */
export function fitWidthZoom(available: number, pageWidth: number): number {
  if (!(available > 0) || !(pageWidth > 0)) return 100;
  return Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, Math.floor((available / pageWidth) * 100)));
}

/**
 * The zoom the page is shown at, in percent, for `choice` on a desk where the page fits at `fit` percent. Fit width
 * is `fit`. A chosen zoom up to 100 % shrinks to `fit` when the page would not fit whole (a side panel opened, the
 * window narrowed), so every line shows whole; a zoom above 100 % was asked for to read larger and is kept, the desk
 * scrolling sideways as a word processor's does.
 */
export function shownZoom(choice: ZoomChoice, fit: number): number {
  if (choice.kind === 'fit') return fit;
  return choice.percent <= 100 ? Math.min(choice.percent, fit) : choice.percent;
}
