import { describe, expect, it } from 'vitest';
import { docOf } from '../document/test-docs';
import { layoutSpeech } from '../layout/page-layout';
import { printHtml } from './print-html';
import { PROFILES } from './profiles';

const SENTENCE = '各级各部门要从讲政治的高度，把思想和行动统一到市委、市政府的决策部署上来。';
const doc = () =>
  docOf(
    ['title', '讲话<稿>'],
    ['byline', '×××'],
    [1, '统一思想'],
    [2, '充分认识意义。正文&其他。', 'runIn'],
    [3, '加强领导'],
  );

describe('print HTML', () => {
  it('writes numbers as text, headings as h2–h4, a run-in heading as one paragraph with its lead as the heading', () => {
    const html = printHtml(doc(), PROFILES.gbt9704);
    expect(html).toContain('<h1 class="title">讲话&lt;稿&gt;</h1>');
    expect(html).toContain('<h2 class="level-1 first">一、统一思想</h2>');
    expect(html).toContain(
      '<div class="run-in first"><h3 class="level-2 lead">（一）充分认识意义。</h3>正文&amp;其他。</div>',
    );
    expect(html).toContain('<h4 class="level-3 first">1.加强领导</h4>');
  });

  it('sets A4 with the profile margins, and page numbers odd right / even left for GB/T, centred otherwise', () => {
    const gbt = printHtml(doc(), PROFILES.gbt9704);
    // The page area reaches one body character (16 pt, 5.64 mm) into the right margin, for hanging marks; the body
    // keeps the text block's 156 mm.
    expect(gbt).toContain('@page { size: A4; margin: 37mm 20.36mm 35mm 28mm; }');
    expect(gbt).toMatch(/body \{[^}]*width: 156mm;/);
    expect(gbt).toMatch(/@page :right \{ @bottom-right \{ content: "— " counter\(page\) " —"/);
    expect(gbt).toMatch(/@page :left \{ @bottom-left \{/);
    const large = printHtml(doc(), PROFILES.large);
    expect(large).toContain('margin: 25mm 17.24mm 25mm 25mm');
    expect(large).toMatch(/body \{[^}]*width: 160mm;/);
    expect(large).toMatch(/@bottom-center \{ content: "— " counter\(page\) " —"/);
    expect(large).toContain('font-size: 22pt; line-height: 39.6pt');
  });

  it('breaks pages where the layout does: a heading kept with what follows, a paragraph continued (issue 14)', () => {
    // 21 body lines, then a heading that would be the page's last line: the layout moves it to page 2.
    const speech = docOf(
      ...Array.from({ length: 10 }, () => [0, SENTENCE] as [0, string]),
      [0, '同志们好。'],
      [1, '统一思想'],
      [0, SENTENCE.repeat(30)],
    );
    const layout = layoutSpeech(speech, PROFILES.speech);
    expect(layout.pages[0]!.lines.length).toBe(21);
    const html = printHtml(speech, PROFILES.speech);
    expect(html).toContain('<h2 class="level-1 first pb">一、统一思想</h2>');
    // The long paragraph runs on to page 3 in a second element that breaks the page before it, unindented; the
    // first ends with a full line, justified too.
    expect(html).toContain(`<p class="first runs-on">${SENTENCE.slice(0, 26)}\n`);
    expect(html).toMatch(/<p class="pb">[^<]/);
    expect(html).toMatch(/\.runs-on \{ text-align-last: justify; \}/);
    expect(html.match(/class="[^"]*\bpb\b/g)).toHaveLength(layout.pages.length - 1);
    // Chromium's own keep rules are gone: they moved lines where the layout did not.
    expect(html).not.toMatch(/break-after: avoid|break-inside: avoid|orphans|widows/);
  });

  it('sets each line of the layout on its own row, full lines justified and a paragraph’s last left alone', () => {
    // The third: 2 cells of indent and 25 characters, the 「“」 that would fill it not allowed to end a line.
    const short = `${'会'.repeat(25)}“引号”${SENTENCE}`;
    const speech = docOf([0, `${'会'.repeat(26)}。${SENTENCE}`], [0, '第一行\n第二行'], [0, short]);
    const [page] = layoutSpeech(speech, PROFILES.gbt9704).pages;
    const html = printHtml(speech, PROFILES.gbt9704);
    // The text breaks only at the layout's line ends, or at the user's line break: a full line's end is a line break
    // of the text (white-space: pre), one short of the grid's width a break opportunity (<wbr>), so it is justified.
    const [first, second, third] = [...html.matchAll(/<p class="first">(.*?)<\/p>/gs)].map(([, inner]) => inner!);
    const rows = (block: number) =>
      page!.lines
        .filter((line) => line.block === block)
        .map((line) => speech.child(block).textContent.slice(line.from, line.to));
    expect(first!.split(/<wbr>|\n/).map((row) => row.replace(/<[^>]+>/g, ''))).toEqual(rows(0));
    expect(first).not.toContain('<wbr>');
    expect(second).toBe('第一行<br>第二行');
    expect(third!.split(/<wbr>|\n/)).toEqual(rows(2));
    expect(third!.startsWith(`${'会'.repeat(25)}<wbr>“引号”`)).toBe(true);
    // Justified, all but a block's last line and one the user ended (CSS's own rule for text-align: justify).
    expect(html).toMatch(/p, div\.run-in, h1, h2, h3, h4, h5 \{[^}]*white-space: pre; text-align: justify;/);
    // Line 1 is full with its indent and 26 characters: the 「。」 after them hangs past the grid, taking no room.
    expect(page!.lines[0]!.hangs).toBe(true);
    expect(html).toMatch(/<span class="hang">[，。、；：？！]<\/span>\n/);
    expect(html).toMatch(/span\.hang \{ margin-right: -1em; \}/);
  });

  it('gives the Latin face only Latin letters and digits, so “ ” — … × fall to the Chinese face (issue 14)', () => {
    const html = printHtml(doc(), PROFILES.gbt9704);
    const face = /@font-face \{\s*font-family: "Lectern Latin";[^}]*unicode-range: ([^;]+);/.exec(html)![1]!;
    const covers = (ch: string) =>
      face.split(',').some((range) => {
        const [from, to = from] = range.trim().slice(2).split('-');
        const code = ch.codePointAt(0)!;
        return code >= parseInt(from!, 16) && code <= parseInt(to!, 16);
      });
    for (const ch of 'Aa1%') expect(covers(ch), ch).toBe(true);
    for (const ch of '“”‘’—…×·') expect(covers(ch), ch).toBe(false);
    expect(html).toMatch(/body \{[^}]*font-family: "Lectern Latin", "仿宋_GB2312"/);
    // The page number's digits are 宋体's, not the Latin face's.
    expect(html).toMatch(/content: "— " counter\(page\) " —"; font-family: "宋体", "SimSun"/);
  });

  it('breaks a heading where the layout does, so none ends with a single character', () => {
    const html = printHtml(docOf([1, '统一思想认识切实增强做好工作的责任']), PROFILES.large);
    expect(html).toContain('<h2 class="level-1 first">一、统一思想认识切实增强做好工作的<wbr>责任</h2>');
  });

  it('sets characters a quarter point closer on the GB/T grid only', () => {
    expect(printHtml(doc(), PROFILES.gbt9704)).toMatch(/body \{[^}]*letter-spacing: -0.25pt;/);
    expect(printHtml(doc(), PROFILES.large)).not.toContain('letter-spacing');
  });

  it('sets the title on grid lines and adds no blank lines the DOCX does not have', () => {
    const html = printHtml(doc(), PROFILES.gbt9704);
    expect(html).toMatch(/h1\.title \{[^}]*line-height: 28\.95pt;/);
    expect(html).not.toMatch(/h1\.title \{[^}]*margin/);
    expect(html).not.toMatch(/p\.salutation \{[^}]*margin/);
  });
});
