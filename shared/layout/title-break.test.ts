import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { breakTitle, wordBoundaries } from './title-break';

const texts = (text: string, width: number) => breakTitle(text, width).map((line) => text.slice(line.from, line.to));

describe('breaking a long title', () => {
  it('keeps words whole: 「数字化政府建设」 is not cut inside 「建设」', () => {
    const title = '在全市数字化政府建设工作会议上的讲话';
    const lines = texts(title, 10);
    expect(lines.join('')).toBe(title);
    expect(lines.length).toBe(2);
    const bounds = new Set(wordBoundaries(title));
    let at = 0;
    for (const line of lines) expect(bounds.has((at += line.length))).toBe(true);
    expect(lines.some((line) => line.endsWith('建'))).toBe(false);
  });

  it('is shaped short above and long below, never a long line over a two-character one', () => {
    const lines = texts('关于进一步加强和改进新时代全市机关党的建设工作的讲话', 20);
    expect(lines.length).toBe(2);
    expect(lines[0]!.length).toBeLessThanOrEqual(lines[1]!.length);
    expect(lines[1]!.length).toBeGreaterThan(2);
  });

  it('places every character once, in order, no line over the width, cut only at word boundaries', () => {
    const han = fc.constantFrom(...'在全市数字化政府建设工作会议上的讲话关于进一步加强改进新时代机关党');
    fc.assert(
      fc.property(fc.array(han, { minLength: 1, maxLength: 60 }), fc.constantFrom(10, 17, 20), (chars, width) => {
        const title = chars.join('');
        const lines = breakTitle(title, width);
        expect(lines.map((line) => title.slice(line.from, line.to)).join('')).toBe(title);
        for (const line of lines) expect(line.units).toBeLessThanOrEqual(width);
        const bounds = new Set(wordBoundaries(title));
        const oversize = [...bounds].some((b, i, all) => i > 0 && b - all[i - 1]! > width);
        if (!oversize) for (const line of lines.slice(0, -1)) expect(bounds.has(line.to)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('leaves a title that fits on one line alone', () => {
    expect(texts('在全市XX工作推进会上的讲话', 20)).toEqual(['在全市XX工作推进会上的讲话']);
  });
});
