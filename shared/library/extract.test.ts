import { describe, expect, it } from 'vitest';
import { sampleDocJSON } from '../../e2e/sample-speech';
import { docFromJSON, type NodeJSON } from '../document/file-format';
import { buildOutline, flattenOutline } from '../document/outline';
import { speechSchema } from '../document/schema';
import { docOf } from '../document/test-docs';
import { OUTLINE_PROMPT, entryContent, extractOutline, sectionRange, sectionSlice } from './extract';

/** Each block as [type or level, runIn?, text]: easy to read in expectations. */
function rows(json: NodeJSON): string[] {
  const doc = docFromJSON(json);
  const out: string[] = [];
  doc.forEach((block) => {
    const level = block.type.name === 'paragraph' ? String(block.attrs.level) : block.type.name;
    out.push(`${level}${block.attrs.runIn ? 'r' : ''} ${block.textContent}`);
  });
  return out;
}

const speech = () =>
  docOf(
    ['title', '在全市XX工作推进会上的讲话'],
    ['byline', '×××'],
    ['salutation', '同志们：'],
    [0, '这次会议的主要任务是……'],
    [0, '下面，我讲三点意见。'],
    [1, '统一思想认识'],
    [0, '今年以来，全市上下……'],
    [2, '充分认识重要意义。XX工作事关大局。', 'runIn'],
    [0, '各级各部门要……'],
    [2, '清醒认识存在问题', 'runIn'],
    [1, '突出工作重点'],
    [0, '下半年时间紧、任务重。'],
    [0, '一要抓好项目建设。坚持把项目建设作为总抓手。'],
    [0, '要实行“一个项目、一名领导”的机制。'],
    [0, '二要抓好要素保障。要主动对接上级部门。'],
    [3, '加强组织领导。各级党委要履行主体责任。', 'runIn'],
    [4, '压实责任', 'runIn'],
    [0, '同志们，让我们……！'],
  );

/** The outline of `speech()`'s section 二 (突出工作重点) with its points and subsections, closing body left out. */
const SECTION_TWO = [
  '1 突出工作重点',
  `0 ${OUTLINE_PROMPT}`,
  `0 一要抓好项目建设。${OUTLINE_PROMPT}`,
  `0 二要抓好要素保障。${OUTLINE_PROMPT}`,
  `3r 加强组织领导。${OUTLINE_PROMPT}`,
  `4r 压实责任。${OUTLINE_PROMPT}`,
];

describe('extractOutline', () => {
  it('keeps the front matter, headings and points, and replaces each run of body with one prompt', () => {
    const outline = extractOutline(speech());
    expect(rows(outline)).toEqual([
      'title 在全市XX工作推进会上的讲话',
      'byline ×××',
      'salutation 同志们：',
      `0 ${OUTLINE_PROMPT}`,
      '1 统一思想认识',
      `0 ${OUTLINE_PROMPT}`,
      `2r 充分认识重要意义。${OUTLINE_PROMPT}`,
      `2r 清醒认识存在问题。${OUTLINE_PROMPT}`,
      ...SECTION_TWO,
      `0 ${OUTLINE_PROMPT}`,
    ]);
  });

  it('leaves the numbered outline the same: every heading and point, same levels, same labels, same lead text', () => {
    const doc = docFromJSON(sampleDocJSON() as NodeJSON);
    // The closing stays the closing, as a prompt (see below).
    const row = (e: { kind: string; level: number; label: string; text: string }) =>
      e.kind === 'closing' ? 'closing' : `${e.kind} ${e.level} ${e.label} ${e.text}`;
    const before = flattenOutline(buildOutline(doc).entries).map(row);
    const after = flattenOutline(buildOutline(docFromJSON(extractOutline(doc))).entries).map(row);
    expect(before.length).toBeGreaterThan(8);
    expect(after).toEqual(before);
    // No body sentence survives: only headings, points, front matter and prompts.
    expect(JSON.stringify(extractOutline(doc))).not.toContain('这些成绩的取得');
  });

  it('extracts one section with its subsections only, levels as they were', () => {
    const doc = speech();
    const range = sectionRange(doc, 10)!;
    expect(range).toEqual({ start: 10, end: 18 });
    expect(rows(extractOutline(doc, { start: 10, end: 17 }))).toEqual(SECTION_TWO);
    // The closing words after the last subsection belong to the section, and keep their own prompt.
    expect(rows(extractOutline(doc, range)).at(-1)).toBe(`0 ${OUTLINE_PROMPT}`);
    expect(rows(extractOutline(doc, range))).toHaveLength(7);
    expect(rows(extractOutline(doc, sectionRange(doc, 7)))).toEqual([`2r 充分认识重要意义。${OUTLINE_PROMPT}`]);
  });

  it('keeps marks and line breaks of the lead, and closing quotes with the lead', () => {
    const schema = speechSchema();
    const doc = schema.node('doc', null, [
      schema.node('paragraph', { level: 2, runIn: true }, [
        schema.text('关于X光机', [schema.mark('notPlaceholder')]),
        schema.node('hardBreak'),
        schema.text('采购。正文'),
      ]),
      schema.node('paragraph', { level: 0 }, [schema.text('一是要牢记“发展是第一要务。”正文')]),
    ]);
    const outline = extractOutline(doc);
    expect(outline.content![0]!.content).toEqual([
      { type: 'text', text: '关于X光机', marks: [{ type: 'notPlaceholder' }] },
      { type: 'hardBreak' },
      { type: 'text', text: '采购。' },
      { type: 'text', text: OUTLINE_PROMPT },
    ]);
    expect(docFromJSON(outline).child(1).textContent).toBe(`一是要牢记“发展是第一要务。”${OUTLINE_PROMPT}`);
  });

  it('keeps a body paragraph that starts with a typed number as its own point, never swallowed by the point before', () => {
    const doc = docOf(
      [1, '突出工作重点'],
      [2, '抓好项目建设。正文。', 'runIn'],
      [0, '（一）加强领导。要把……'],
      [0, '1.抓好项目。确保……'],
      [0, '这是正文，增长1.5倍。'],
    );
    expect(rows(extractOutline(doc))).toEqual([
      '1 突出工作重点',
      `2r 抓好项目建设。${OUTLINE_PROMPT}`,
      `0 （一）加强领导。${OUTLINE_PROMPT}`,
      `0 1.抓好项目。${OUTLINE_PROMPT}`,
    ]);
  });

  it('answers a valid document for an empty range, a range out of bounds, and a document of empty paragraphs', () => {
    const doc = speech();
    expect(rows(extractOutline(doc, { start: 3, end: 3 }))).toEqual([`0 ${OUTLINE_PROMPT}`]);
    expect(rows(extractOutline(doc, { start: 50, end: -4 }))).toEqual([`0 ${OUTLINE_PROMPT}`]);
    expect(rows(extractOutline(doc, { start: Number.NaN, end: 2 }))).toEqual([
      'title 在全市XX工作推进会上的讲话',
      'byline ×××',
    ]);
    expect(rows(extractOutline(docOf([0, ''], [0, '  '])))).toEqual([`0 ${OUTLINE_PROMPT}`]);
  });
});

describe('sectionSlice and entryContent', () => {
  it('slice a section in full, and nothing for a block that is not a heading', () => {
    const doc = speech();
    expect(rows(sectionSlice(doc, 5)!)).toEqual([
      '1 统一思想认识',
      '0 今年以来，全市上下……',
      '2r 充分认识重要意义。XX工作事关大局。',
      '0 各级各部门要……',
      '2r 清醒认识存在问题',
    ]);
    expect(sectionSlice(doc, 4)).toBeUndefined();
    expect(sectionSlice(doc, 99)).toBeUndefined();
    expect(sectionSlice(doc, -1)).toBeUndefined();
    expect(sectionSlice(doc, 1.5)).toBeUndefined();
  });

  it('choose the whole speech or a section, as an outline or in full', () => {
    const doc = speech();
    expect(entryContent(doc, { kind: 'full' })).toEqual(doc.toJSON());
    expect(entryContent(doc, { kind: 'outline' })).toEqual(extractOutline(doc));
    expect(entryContent(doc, { kind: 'full', section: 9 })).toEqual(sectionSlice(doc, 9));
    expect(rows(entryContent(doc, { kind: 'outline', section: 9 })!)).toEqual([
      `2r 清醒认识存在问题。${OUTLINE_PROMPT}`,
    ]);
    expect(entryContent(doc, { kind: 'outline', section: 0 })).toBeUndefined();
  });
});

describe('the closing remarks in an outline', () => {
  it('become one closing prompt, so next year’s closing is written anew', () => {
    const doc = docOf(
      ['title', '讲话'],
      [1, '甲'],
      [0, '正文。'],
      ['closing', '同志们，让我们……！'],
      ['closing', '谢谢大家！'],
    );
    const outline = extractOutline(doc);
    expect((outline.content ?? []).slice(-2).map((b) => `${b.type}:${b.content?.[0]?.text ?? ''}`)).toEqual([
      `paragraph:${OUTLINE_PROMPT}`,
      `closing:${OUTLINE_PROMPT}`,
    ]);
  });
});
