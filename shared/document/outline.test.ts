import { describe, expect, it } from 'vitest';
import { Fragment, Slice } from '@tiptap/pm/model';
import { blockFacts, buildOutline, flattenOutline } from './outline';
import { speechLength } from './stats';
import { docOf } from './test-docs';

const sample = () =>
  docOf(
    ['title', '在全市XX工作推进会上的讲话'],
    ['byline', '×××'],
    ['salutation', '同志们：'],
    [0, '这次会议的主要任务是总结工作。'],
    [1, '统一思想认识'],
    [0, '今年以来成效明显。'],
    [2, '充分认识重要意义。XX工作事关大局。', 'runIn'],
    [2, '清醒认识突出问题。一是进展不平衡。', 'runIn'],
    [1, '突出工作重点'],
    [0, '下半年任务重。'],
    [0, '一要抓好项目建设。坚持把项目建设作为总抓手。'],
    [0, '二要抓好要素保障。要主动对接。'],
    [0, '三要抓好风险防控。要坚持底线思维。'],
    [1, '强化组织保障'],
    [3, '加强组织领导。各级党委要履行责任。', 'runIn'],
    [4, '细化分工'],
    [0, '同志们，让我们共同努力！'],
  );

describe('buildOutline', () => {
  it('lists headings of every level with their numbers, and run-in headings by their lead sentence', () => {
    const outline = buildOutline(sample());
    const rows = flattenOutline(outline.entries).map((e) => [e.kind, e.level, e.label, e.text]);
    expect(rows).toEqual([
      ['heading', 1, '一、', '统一思想认识'],
      ['heading', 2, '（一）', '充分认识重要意义。'],
      ['heading', 2, '（二）', '清醒认识突出问题。'],
      ['heading', 1, '二、', '突出工作重点'],
      ['point', 1, '一要', '一要抓好项目建设。'],
      ['point', 1, '二要', '二要抓好要素保障。'],
      ['point', 1, '三要', '三要抓好风险防控。'],
      ['heading', 1, '三、', '强化组织保障'],
      ['heading', 3, '1.', '加强组织领导。'],
      ['heading', 4, '（1）', '细化分工'],
    ]);
  });

  it('nests subsections and points under their section', () => {
    const [first, second, third] = buildOutline(sample()).entries;
    expect(first!.children.map((e) => e.label)).toEqual(['（一）', '（二）']);
    expect(second!.children.map((e) => e.label)).toEqual(['一要', '二要', '三要']);
    expect(third!.children[0]!.children.map((e) => e.label)).toEqual(['（1）']);
  });

  it('gives a section the spoken length of its number, heading, body and subsections', () => {
    const doc = sample();
    const outline = buildOutline(doc);
    const [first, second] = outline.entries;
    const len = (i: number) => speechLength(doc.child(i).textContent);
    expect(first!.length).toBe(1 + len(4) + len(5) + (1 + len(6)) + (1 + len(7)));
    expect(first!.children[0]!.length).toBe(1 + len(6));
    expect(second!.children[1]!.length).toBe(len(11));
    const labels = 3 + 2 + 1 + 1; // 一 二 三, （一）（二）, 1., （1）
    let body = 0;
    doc.forEach((node) => (body += speechLength(node.textContent)));
    expect(outline.total).toBe(body + labels);
  });

  it('flags gaps in a numbered enumeration within a section', () => {
    const outline = buildOutline(
      docOf([1, '重点'], [0, '一要甲。'], [0, '三要丙。'], [1, '保障'], [0, '首先，甲。'], [0, '最后，乙。']),
    );
    expect(outline.entries.map((e) => e.gaps)).toEqual([['二要'], []]);
  });

  it('keeps points before the first heading at the top, with their gaps', () => {
    const outline = buildOutline(docOf([0, '一是甲。'], [0, '三是丙。'], [1, '重点']));
    expect(outline.entries.map((e) => e.label)).toEqual(['一是', '三是', '一、']);
    expect(outline.gaps).toEqual(['二是']);
  });

  it('records each entry’s block index, so the editor can jump there', () => {
    const doc = sample();
    const entries = flattenOutline(buildOutline(doc).entries);
    expect(entries.map((e) => e.index)).toEqual([4, 6, 7, 8, 10, 11, 12, 13, 14, 15]);
    for (const entry of entries)
      expect(doc.child(entry.index).textContent.startsWith(entry.text.replace(/^·/, ''))).toBe(true);
  });
});

describe('blockFacts', () => {
  it('measures a block once and reuses the facts while the node is unchanged', () => {
    const doc = sample();
    const node = doc.child(10);
    expect(blockFacts(node)).toBe(blockFacts(node));
    expect(blockFacts(node).marker?.marker).toBe('一要');
  });
});

describe('buildOutline with the previous outline', () => {
  it('keeps unchanged entries identical and replaces only what an edit touched', () => {
    const doc = docOf([1, '甲'], [0, '正文'], [2, '甲一'], [1, '乙'], [0, '乙正文'], [1, '丙']);
    const before = buildOutline(doc);
    const schema = doc.type.schema;
    // Replace block 4 (乙's body) with a longer paragraph: only 乙 changes length.
    const edited = doc.replace(
      doc.child(0).nodeSize + doc.child(1).nodeSize + doc.child(2).nodeSize + doc.child(3).nodeSize,
      doc.content.size - doc.child(5).nodeSize,
      new Slice(Fragment.from(schema.node('paragraph', null, [schema.text('乙正文加长')])), 0, 0),
    );
    const after = buildOutline(edited, before);
    expect(after.entries[0]).toBe(before.entries[0]);
    expect(after.entries[0]!.children).toBe(before.entries[0]!.children);
    expect(after.entries[1]).not.toBe(before.entries[1]);
    expect(after.entries[1]!.length).toBe(before.entries[1]!.length + 2);
    // 丙 comes after the edit: its position moved, but its entry did not change.
    expect(after.entries[2]).toBe(before.entries[2]);
  });

  it('answers the very same array when nothing changed', () => {
    const doc = docOf([1, '甲'], [2, '甲一']);
    const before = buildOutline(doc);
    expect(buildOutline(doc, before).entries).toBe(before.entries);
  });
});

describe('the closing remarks in the outline', () => {
  it('are one entry of their own after the last section, counted apart from it', () => {
    const doc = docOf(
      ['title', '讲话'],
      [1, '甲'],
      [0, '正文正文'],
      ['closing', '同志们，努力！'],
      ['closing', '谢谢大家！'],
    );
    const outline = buildOutline(doc);
    expect(outline.entries.map((e) => [e.kind, e.index, e.length])).toEqual([
      ['heading', 1, speechLength('一、甲') + speechLength('正文正文')],
      ['closing', 3, speechLength('同志们，努力！') + speechLength('谢谢大家！')],
    ]);
    expect(outline.entries[1]!.text).toBe('同志们，努力！');
    expect(outline.total).toBe(outline.entries[0]!.length + outline.entries[1]!.length + speechLength('讲话'));
  });
});
