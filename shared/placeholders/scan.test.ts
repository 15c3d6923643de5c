import { describe, expect, it } from 'vitest';
import { speechSchema } from '../document/schema';
import { docFromJSON } from '../document/file-format';
import { sampleDocJSON } from '../../e2e/sample-speech';
import { blockPlaceholders, contextOf, documentPlaceholders, groupPlaceholders } from './scan';

const sample = () => docFromJSON(sampleDocJSON() as never);

describe('placeholders of the sample speech', () => {
  it('groups every blank the template left, with counts (counted by hand from the fixture)', () => {
    const groups = groupPlaceholders(documentPlaceholders(sample())).map((g) => [g.token, g.occurrences.length]);
    expect(groups).toEqual([
      ['XX工作', 9],
      ['×××', 1],
      ['X月', 1],
      ['X日', 1],
      ['XX同志', 1],
      ['X县', 1],
      ['X区', 1],
      ['X亿元', 1],
      ['X%', 1],
      ['X个', 2],
      ['【项目名称】', 1],
      ['____', 1],
      ['X市', 1],
    ]);
  });

  it('gives each occurrence its document position and the sentence around it', () => {
    const doc = sample();
    const occurrences = documentPlaceholders(doc);
    for (const o of occurrences) expect(doc.textBetween(o.pos, o.end)).toBe(o.token);
    const city = occurrences.find((o) => o.token === 'X市')!;
    expect(city.context).toContain('为推动X市高质量发展');
  });
});

describe('blockPlaceholders', () => {
  it('skips an occurrence marked as not a placeholder, and only that one', () => {
    const schema = speechSchema();
    const mark = schema.marks.notPlaceholder!.create();
    const block = schema.node('paragraph', null, [
      schema.text('X个项目和'),
      schema.text('X个', [mark]),
      schema.text('班子'),
    ]);
    expect(blockPlaceholders(block).map((m) => [m.token, m.from])).toEqual([['X个', 0]]);
  });

  it('scans a block once while the node is unchanged', () => {
    const block = sample().child(0);
    expect(blockPlaceholders(block)).toBe(blockPlaceholders(block));
  });

  it('counts a line break as one character, so offsets stay positions', () => {
    const schema = speechSchema();
    const block = schema.node('title', null, [schema.text('在X市'), schema.node('hardBreak'), schema.text('X县')]);
    expect(blockPlaceholders(block).map((m) => m.from)).toEqual([1, 4]);
  });
});

describe('contextOf', () => {
  it('cuts at sentence ends around the placeholder', () => {
    const text = '前一句话。刚才，XX同志通报了有关情况。后一句。';
    const from = text.indexOf('XX同志');
    expect(contextOf(text, from, from + 4)).toBe('刚才，XX同志通报了有关情况。');
  });
});
