/**
 * A long title's lines (GB/T 9704: a multi-line title keeps words whole and is shaped as a trapezoid or a
 * diamond, never a long line over a two-character one). Words come from Intl.Segmenter's Chinese word
 * granularity (in Node 20 and Chromium), so 「数字化政府建设」 never breaks inside 「建设」 (issue 14, item 5).
 */
import { charUnits, type TextLine } from './line-break';

/** The word boundaries of `text` (offsets, 0 and text.length included), from Intl.Segmenter in Chinese. */
export function wordBoundaries(text: string): number[] {
  const bounds = [0];
  for (const { index, segment } of new Intl.Segmenter('zh', { granularity: 'word' }).segment(text))
    if (index + segment.length > 0) bounds.push(index + segment.length);
  return [...new Set(bounds)].sort((a, b) => a - b);
}

const unitsOf = (text: string) => Math.round([...text].reduce((sum, ch) => sum + charUnits(ch), 0) * 1000) / 1000;

/**
 * The title's lines on a line `width` units wide: as few lines as fit, broken only at word boundaries, as even
 * as the words allow and never longer above than below (上短下长) — the trapezoid. A word longer than a line is
 * broken where it must be. A title that fits on one line is one line.
 */
export function breakTitle(text: string, width: number): TextLine[] {
  const total = unitsOf(text);
  if (total <= width) return [{ from: 0, to: text.length, units: total }];
  let bounds = wordBoundaries(text);
  // A word wider than a line gets boundaries inside it, one a character.
  const fine: number[] = [0];
  for (let i = 1; i < bounds.length; i++) {
    if (unitsOf(text.slice(bounds[i - 1]!, bounds[i]!)) > width)
      for (let j = bounds[i - 1]! + 1; j < bounds[i]!; j++) fine.push(j);
    fine.push(bounds[i]!);
  }
  bounds = fine;
  for (let lines = Math.ceil(total / width); lines <= bounds.length - 1; lines++) {
    const best = bestSplit(text, bounds, lines, width);
    if (best) return best;
  }
  return [{ from: 0, to: text.length, units: total }];
}

/** The most even split of `text` into `count` lines at `bounds`, shorter lines above; undefined if none fits. */
function bestSplit(text: string, bounds: number[], count: number, width: number): TextLine[] | undefined {
  const target = unitsOf(text) / count;
  let best: { cost: number; cuts: number[] } | undefined;
  // Depth-first over cut positions; titles are short (a few dozen characters), so this stays small.
  const walk = (start: number, left: number, cuts: number[], cost: number, previous: number) => {
    if (best && cost >= best.cost) return;
    if (left === 1) {
      const units = unitsOf(text.slice(bounds[start]!));
      if (units > width) return;
      // Shorter above: a line may not be longer than the one below it, beyond half a character.
      const penalty = previous > units + 0.5 ? 1000 : 0;
      const total = cost + (units - target) ** 2 + penalty;
      if (!best || total < best.cost) best = { cost: total, cuts: [...cuts] };
      return;
    }
    for (let end = start + 1; end < bounds.length - 1; end++) {
      const units = unitsOf(text.slice(bounds[start]!, bounds[end]!));
      if (units > width) break;
      const penalty = previous > units + 0.5 ? 1000 : 0;
      walk(end, left - 1, [...cuts, end], cost + (units - target) ** 2 + penalty, units);
    }
  };
  walk(0, count, [], 0, 0);
  if (!best) return undefined;
  const offsets = [0, ...best.cuts.map((i) => bounds[i]!), text.length];
  return offsets.slice(1).map((to, i) => {
    const from = offsets[i]!;
    return { from, to, units: unitsOf(text.slice(from, to)) };
  });
}
