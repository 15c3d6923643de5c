import { describe, expect, it } from 'vitest';
import { docOf } from '../../shared/document/test-docs';
import { PROFILES } from '../../shared/export/profiles';
import { layoutSpeech } from '../../shared/layout/page-layout';
import { previewLines } from './preview-lines';

const BODY = '各级各部门要从讲政治的高度，把思想和行动统一到市委、市政府的决策部署上来，以更高的标准推动工作落地见效。';

describe('the print preview’s lines', () => {
  const doc = docOf(
    ['title', '在全市工作会议上的讲话'],
    ['salutation', '同志们：'],
    [1, '统一思想认识'],
    [2, '充分认识重要意义。正文接着写下去，写到第二行为止，再多写一些字。', 'runIn'],
    [0, BODY],
  );
  const profile = PROFILES.gbt9704;
  const [page] = layoutSpeech(doc, profile).pages;
  const lines = previewLines(doc, profile, page!.lines);

  it('sets every line of the layout, in order, with a heading’s number and its text', () => {
    expect(lines).toHaveLength(page!.lines.length);
    const text = (i: number) => lines[i]!.pieces.map((p) => p.text).join('') + (lines[i]!.hang?.text ?? '');
    expect(text(0)).toBe('在全市工作会议上的讲话');
    expect(text(1)).toBe('同志们：');
    expect(text(2)).toBe('一、统一思想认识');
    // Every character of the body paragraph is on its lines, once.
    const body = page!.lines.flatMap((line, i) => (line.block === 4 ? [text(i)] : [])).join('');
    expect(body).toBe(BODY);
  });

  it('centres the title, indents first lines two characters, justifies full lines and leaves a last line be', () => {
    expect(lines[0]).toMatchObject({ align: 'center', indent: 0, sizePt: profile.title.sizePt });
    expect(lines[1]).toMatchObject({ align: 'start', indent: 0 });
    const body = page!.lines.map((line, i) => ({ line, shown: lines[i]! })).filter(({ line }) => line.block === 4);
    expect(body[0]!.shown).toMatchObject({ indent: 2, align: 'justify' });
    expect(body.at(-1)!.shown).toMatchObject({ indent: 0, align: 'start' });
  });

  it('sets a heading in its level’s face, and a run-in heading’s lead only', () => {
    expect(lines[2]!.pieces.every((p) => p.face === profile.headings[0]!.face)).toBe(true);
    const runIn = lines[3]!.pieces;
    expect(runIn.map((p) => p.text)).toEqual(['（一）', '充分认识重要意义。', expect.any(String)]);
    expect(runIn.map((p) => p.face)).toEqual([profile.headings[1]!.face, profile.headings[1]!.face, profile.body.face]);
  });
});
