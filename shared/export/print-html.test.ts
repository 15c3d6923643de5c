import { describe, expect, it } from 'vitest';
import { docOf } from '../document/test-docs';
import { printHtml } from './print-html';
import { PROFILES } from './profiles';

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
    expect(html).toContain('<h2 class="level-1">一、统一思想</h2>');
    expect(html).toContain(
      '<div class="run-in"><h3 class="level-2 lead">（一）充分认识意义。</h3>正文&amp;其他。</div>',
    );
    expect(html).toContain('<h4 class="level-3">1.加强领导</h4>');
  });

  it('sets A4 with the profile margins, and page numbers odd right / even left for GB/T, centred otherwise', () => {
    const gbt = printHtml(doc(), PROFILES.gbt9704);
    expect(gbt).toContain('@page { size: A4; margin: 37mm 26mm 35mm 28mm; }');
    expect(gbt).toMatch(/@page :right \{ @bottom-right \{ content: "— " counter\(page\) " —"/);
    expect(gbt).toMatch(/@page :left \{ @bottom-left \{/);
    const large = printHtml(doc(), PROFILES.large);
    expect(large).toContain('margin: 25mm 25mm 25mm 25mm');
    expect(large).toMatch(/@bottom-center \{ content: "— " counter\(page\) " —"/);
    expect(large).toContain('font-size: 22pt; line-height: 39.6pt');
  });

  it('keeps a heading from standing alone at the foot of a page', () => {
    expect(printHtml(doc(), PROFILES.speech)).toContain('h2, h3, h4, h5 { break-after: avoid; break-inside: avoid; }');
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

  it('balances heading lines so none ends with a single character', () => {
    expect(printHtml(doc(), PROFILES.large)).toContain('h2, h3, h4, h5 { text-wrap: pretty; }');
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
