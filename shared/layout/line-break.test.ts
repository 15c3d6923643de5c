import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HANGING, NO_LINE_END, NO_LINE_START, breakLines, charUnits, type TextLine } from './line-break';

const unitsOf = (text: string) => Math.round([...text].reduce((sum, ch) => sum + charUnits(ch), 0) * 1000) / 1000;
const texts = (text: string, lines: TextLine[]) => lines.map((line) => text.slice(line.from, line.to));

/** Speech-like text: Han characters, both kinds of marks (never more than two in a row), Latin words, ——, ……. */
const piece = fc.oneof(
  { weight: 12, arbitrary: fc.constantFrom(...'会议主要任务总结上半年全市工作情况分析当前面临形势部署重点') },
  {
    weight: 2,
    arbitrary: fc.constantFrom('，', '。', '、', '；', '：', '？', '！', '”', '）', '》', '】', '，”', '。）'),
  },
  { weight: 2, arbitrary: fc.constantFrom('“', '（', '《', '【') },
  { weight: 1, arbitrary: fc.constantFrom('——', '……') },
  {
    weight: 2,
    arbitrary: fc.stringMatching(/^[A-Za-z0-9]{1,12}$/),
  },
  { weight: 1, arbitrary: fc.constantFrom('\n', '3.5%', 'GDP', 'e-mail') },
);
// 30 pieces or more, so that most texts run over several lines (fast-check's default arrays are a few items).
const speechText = fc.array(piece, { minLength: 30, maxLength: 150 }).map((pieces) => pieces.join(''));

describe('breaking a block into grid lines', () => {
  it('places every character exactly once, in order, on lines no wider than the grid but for a hanging mark', () => {
    fc.assert(
      fc.property(speechText, fc.constantFrom(0, 2, 4), fc.constantFrom(20, 28), (text, indent, width) => {
        const lines = breakLines(text, width, indent);
        expect(texts(text, lines).join('')).toBe(text);
        lines.forEach((line, i) => {
          expect(i === 0 ? line.from : line.from).toBe(i === 0 ? 0 : lines[i - 1]!.to);
          const own = text.slice(line.from, line.to).replace(/\n$/, '');
          // A hanging mark stands past the grid's end, outside the line's units; only a full line has one.
          if (line.hangs) expect(HANGING.has(own.at(-1)!), own).toBe(true);
          const units = Math.round((unitsOf(own) + (i === 0 ? indent : 0) - (line.hangs ? 1 : 0)) * 1000) / 1000;
          expect(line.units).toBeCloseTo(units, 6);
          if (line.hangs) expect(units + 1).toBeGreaterThan(width);
          expect(units).toBeLessThanOrEqual(width);
        });
      }),
      { numRuns: 400 },
    );
  });

  it('never starts a line with a closing mark nor ends one with an opening mark, and keeps —— …… whole', () => {
    // A closing quote that would start line 2 takes the character before it along; so does an opening quote ending
    // a line.
    const text = `${'会'.repeat(28)}”总结${'会'.repeat(23)}“总结`;
    expect(texts(text, breakLines(text, 28))).toEqual(['会'.repeat(27), `会”总结${'会'.repeat(23)}`, '“总结']);
    const dashes = `${'会'.repeat(27)}——${'会'.repeat(10)}`;
    expect(texts(dashes, breakLines(dashes, 28))[1]!.startsWith('会——')).toBe(true);
    fc.assert(
      fc.property(speechText, fc.constantFrom(0, 2), fc.constantFrom(20, 28), (text, indent, width) => {
        const lines = texts(text, breakLines(text, width, indent));
        lines.forEach((line, i) => {
          if (i > 0 && !lines[i - 1]!.endsWith('\n')) {
            expect(HANGING.has(line[0] ?? ''), `line ${i} 「${line}」`).toBe(false);
            expect(NO_LINE_START.has(line[0] ?? ''), `line ${i} 「${line}」`).toBe(false);
            expect(NO_LINE_END.has(lines[i - 1]!.at(-1)!), `line ${i - 1} 「${lines[i - 1]}」`).toBe(false);
          }
        });
        // A break between two dashes or two ellipsis points would leave one at a line's end and one at the next
        // line's start: count the marks that end a line before the same mark.
        for (let i = 1; i < lines.length; i++) {
          const [end, start] = [lines[i - 1]!.at(-1), lines[i]![0]];
          if (end === start) expect(end === '—' || end === '…').toBe(false);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('never leaves an opening mark alone on a line before a Latin word too long for the rest of it', () => {
    // The property test's find: the word fits a line but not the room after “ and the indent; “ alone ended line 0.
    const text = '“aA00a0A0A00AA0aA00A0A00AAAmaA“，会——会会会会会会会会会';
    const lines = texts(text, breakLines(text, 20, 2));
    expect(lines[0]).toBe('“aA00a0A0A00AA0aA00A0A00AAAma');
    expect(lines.every((line) => !NO_LINE_END.has(line.at(-1)!))).toBe(true);
    expect(lines.join('')).toBe(text);
  });

  it('never starts a line with —— after a Latin word that fills the line before', () => {
    // The property test's find: a word of 18 units on a 20-unit line leaves no room for ——, and the word alone
    // cannot go down with it; its last letter does.
    const text = 'a00Aa000aA00A00Aa0e-mailAa0aa0AAaaa——会0';
    const lines = texts(text, breakLines(text, 20, 0));
    expect(lines).toEqual(['a00Aa000aA00A00Aa0e-mailAa0aa0AAaa', 'a——会0']);
  });

  it('hangs a comma, full stop, enumeration comma, semicolon, colon, ? or ! past a full line, as LibreOffice does', () => {
    for (const mark of HANGING) {
      const text = `${'会'.repeat(28)}${mark}总结`;
      const lines = breakLines(text, 28);
      expect(texts(text, lines), mark).toEqual([`${'会'.repeat(28)}${mark}`, '总结']);
      expect(lines[0]).toMatchObject({ units: 28, hangs: true });
      expect(lines[1]!.hangs).toBeUndefined();
    }
    // Not when a mark that may not start a line follows it, nor a mark that is not one of them (pushed instead).
    const twice = `${'会'.repeat(28)}。”总结`;
    expect(texts(twice, breakLines(twice, 28))).toEqual(['会'.repeat(27), '会。”总结']);
    const quote = `${'会'.repeat(28)}”总结`;
    expect(texts(quote, breakLines(quote, 28))).toEqual(['会'.repeat(27), '会”总结']);
    // A line break right after the hung mark ends the same line, not an empty one.
    const broken = `${'会'.repeat(28)}。\n总结`;
    expect(texts(broken, breakLines(broken, 28))).toEqual([`${'会'.repeat(28)}。\n`, '总结']);
  });

  it('keeps a Latin word whole on one line, and breaks a string longer than a line anywhere', () => {
    const text = `今年全市累计完成投资${'X'.repeat(3)}亿元，GDP增长3.5%，网址https://www.example.gov.cn/${'a'.repeat(80)}完成。`;
    const lines = texts(text, breakLines(text, 28, 2));
    expect(lines.join('')).toBe(text);
    expect(lines.some((line) => line.includes('GDP'))).toBe(true);
    expect(lines.some((line) => line.includes('3.5%'))).toBe(true);
    // The 80-letter run fills whole lines: 56 half-width letters is 28 units.
    expect(lines.filter((line) => /^a+$/.test(line)).every((line) => line.length === 56)).toBe(true);
    fc.assert(
      fc.property(fc.array(fc.stringMatching(/^[A-Za-z]{1,20}$/), { minLength: 1, maxLength: 20 }), (words) => {
        const sentence = words.join('，');
        const broken = texts(sentence, breakLines(sentence, 28, 2));
        for (const word of words)
          expect(
            broken.some((line) => line.includes(word)),
            word,
          ).toBe(true);
      }),
    );
  });

  it('gives a heading no last line of one character alone, when asked', () => {
    // 2 + 17 characters with a 2-character indent on a 20-character line: 19 on the first, 1 left over.
    const heading = '一、统一思想认识切实增强做好工作的责任';
    expect(texts(heading, breakLines(heading, 20, 2)).at(-1)).toBe('任');
    expect(texts(heading, breakLines(heading, 20, 2, { noLoneLast: true }))).toEqual([
      '一、统一思想认识切实增强做好工作的',
      '责任',
    ]);
    fc.assert(
      fc.property(
        speechText.filter((t) => !t.includes('\n')),
        (text) => {
          const lines = breakLines(text, 20, 2, { noLoneLast: true });
          expect(texts(text, lines).join('')).toBe(text);
          if (lines.length > 1) expect(unitsOf(text.slice(lines.at(-1)!.from, lines.at(-1)!.to))).toBeGreaterThan(1);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('ends a line at every line break in the text', () => {
    const text = '第一行\n第二行';
    expect(texts(text, breakLines(text, 28))).toEqual(['第一行\n', '第二行']);
  });
});
