import { describe, expect, it } from 'vitest';
import {
  SpeechFileError,
  docFromJSON,
  parseSpeechFile,
  serializeSpeechFile,
  type NodeJSON,
} from '../document/file-format';
import { headingLabels } from '../document/numbering';
import { docOf } from '../document/test-docs';
import { EditorState, TextSelection } from '@tiptap/pm/state';
import { blockPosition } from '../document/sections';
import { fitEntry, insertEntry, insertEntryAtCursor, speechFromEntry } from './insert';

/** Each block as "label text" for headings, "· text" for body, "title text" for front matter. */
function numbered(json: NodeJSON): string[] {
  const doc = docFromJSON(json);
  const labels = headingLabels(doc);
  const out: string[] = [];
  doc.forEach((block, _pos, index) => {
    if (block.type.name !== 'paragraph') out.push(`${block.type.name} ${block.textContent}`);
    else out.push(`${labels.get(index) ?? '·'} ${block.textContent}`);
  });
  return out;
}

const target = () =>
  docOf(
    ['title', '讲话'],
    ['salutation', '同志们：'],
    [0, '开场白'],
    [1, '统一思想'],
    [0, '正文甲'],
    [2, '充分认识意义'],
    [2, '清醒认识问题'],
    [1, '突出重点'],
    [3, '加强领导'],
  ).toJSON() as NodeJSON;

/** An entry of two sections with a subsection, its top level `top`, with a title and salutation of its own. */
const entryAt = (top: number) => ({
  doc: docOf(
    ['title', '模板标题'],
    ['salutation', '同志们：'],
    [top, '甲部分'],
    [0, '【此处写……】'],
    [top + 1, '甲之一'],
    [top, '乙部分'],
  ).toJSON() as NodeJSON,
});

/**
 * `entryAt(1)` put into section 一's body, after 正文甲 (by position, or from the cursor in it): under 一, one level
 * deeper, before 一's own subsections, which are renumbered after it. The rows from 一、 on.
 */
const INTO_BODY_OF_ONE = [
  '一、 统一思想',
  '· 正文甲',
  '（一） 甲部分',
  '· 【此处写……】',
  '1. 甲之一',
  '（二） 乙部分',
  '（三） 充分认识意义',
];

describe('insertEntry', () => {
  it('puts the sections before a level-1 heading as level-1 siblings, renumbering the ones after', () => {
    expect(numbered(insertEntry(target(), 7, entryAt(2)))).toEqual([
      'title 讲话',
      'salutation 同志们：',
      '· 开场白',
      '一、 统一思想',
      '· 正文甲',
      '（一） 充分认识意义',
      '（二） 清醒认识问题',
      '二、 甲部分',
      '· 【此处写……】',
      '（一） 甲之一',
      '三、 乙部分',
      '四、 突出重点',
      '1. 加强领导',
    ]);
  });

  it.each([
    {
      where: 'before a level-2 heading as level-2 siblings',
      at: 6,
      rows: [
        '一、 统一思想',
        '· 正文甲',
        '（一） 充分认识意义',
        '（二） 甲部分',
        '· 【此处写……】',
        '1. 甲之一',
        '（三） 乙部分',
        '（四） 清醒认识问题',
      ],
    },
    {
      where: 'under the heading whose body holds the insertion point, one level deeper',
      at: 5,
      rows: INTO_BODY_OF_ONE,
    },
  ])('puts the sections $where', ({ at, rows }) => {
    // From 一、 on: the level-1 entry lands among section 一's subsections either way.
    expect(numbered(insertEntry(target(), at, entryAt(1))).slice(3, 3 + rows.length)).toEqual(rows);
  });

  it('puts the sections at level 1 before any heading, and under the last heading at the end', () => {
    const before = numbered(insertEntry(target(), 3, entryAt(3)));
    expect(before.slice(2, 9)).toEqual([
      '· 开场白',
      '一、 甲部分',
      '· 【此处写……】',
      '（一） 甲之一',
      '二、 乙部分',
      '三、 统一思想',
      '· 正文甲',
    ]);
    const end = numbered(insertEntry(target(), 99, entryAt(1)));
    // Under the last heading (level 3) the entry's top would be level 4, leaving its subsection no room: it goes at
    // level 3.
    expect(end.slice(-5)).toEqual(['1. 加强领导', '2. 甲部分', '· 【此处写……】', '（1） 甲之一', '3. 乙部分']);
  });

  it('keeps the entry’s hierarchy within levels 1–4: its top goes no deeper than its deepest heading allows', () => {
    const levelsOf = (doc: NodeJSON, n: number) =>
      docFromJSON(doc)
        .content.content.slice(-n)
        .map((block) => block.attrs.level);
    // The last heading is level 3: the entry's top would go to 4, so it goes to 3 and its subsection to 4.
    expect(levelsOf(insertEntry(target(), 99, entryAt(1)), 4)).toEqual([3, 0, 4, 3]);
    // An entry of levels 1, 2, 3 inside a level-3 section's body: 2, 3, 4, never all 4.
    const deep = { doc: docOf([1, '甲'], [2, '甲之一'], [3, '甲之一之一']).toJSON() as NodeJSON };
    const body = docOf(['title', '讲话'], [1, '一'], [2, '二'], [3, '三'], [0, '正文']).toJSON() as NodeJSON;
    expect(levelsOf(insertEntry(body, 5, deep), 3)).toEqual([2, 3, 4]);
    // Four levels deep: at level 1 wherever it goes.
    const deepest = { doc: docOf([1, '甲'], [2, '乙'], [3, '丙'], [4, '丁']).toJSON() as NodeJSON };
    expect(levelsOf(insertEntry(body, 5, deepest), 4)).toEqual([1, 2, 3, 4]);
  });

  it('brings only the sections of a whole speech into a document with text: not its opening or closing paragraphs', () => {
    const whole = {
      doc: docOf(
        ['title', '在XX会议上的讲话'],
        ['salutation', '同志们：'],
        [0, '今天召开这次会议，主要任务是……'],
        [0, '下面，我讲几点意见。'],
        [1, '甲部分'],
        [0, '【此处写……】'],
        [1, '乙部分'],
        [0, '乙的正文。'],
        [0, '同志们，让我们……'],
        [0, '谢谢大家！'],
      ).toJSON() as NodeJSON,
    };
    expect(numbered(insertEntry(target(), 7, whole)).slice(5, 13)).toEqual([
      '（一） 充分认识意义',
      '（二） 清醒认识问题',
      '二、 甲部分',
      '· 【此处写……】',
      '三、 乙部分',
      '· 乙的正文。',
      '四、 突出重点',
      '1. 加强领导',
    ]);
    // Into a document with no text yet, all of it (but the title lines) goes in.
    const blank = docOf(['title', ''], [0, '']).toJSON() as NodeJSON;
    expect(numbered(insertEntry(blank, 2, whole)).filter((row) => row.startsWith('·') && row !== '· ')).toHaveLength(6);
    // An entry without a title (a section) keeps its paragraphs.
    const section = { doc: docOf([0, '引言。'], [1, '甲部分'], [0, '同志们，要……']).toJSON() as NodeJSON };
    expect(numbered(insertEntry(target(), 99, section)).slice(-3)).toEqual([
      '· 引言。',
      '（1） 甲部分',
      '· 同志们，要……',
    ]);
  });

  it('honours an explicit placement: under or after the enclosing heading', () => {
    // Block 7 follows 清醒认识问题 (level 2): under it is level 3, even though 二、 comes next.
    expect(numbered(insertEntry(target(), 7, entryAt(1), 'under')).slice(6, 10)).toEqual([
      '（二） 清醒认识问题',
      '1. 甲部分',
      '· 【此处写……】',
      '（1） 甲之一',
    ]);
    expect(numbered(insertEntry(target(), 5, entryAt(3), 'after')).slice(4, 8)).toEqual([
      '· 正文甲',
      '二、 甲部分',
      '· 【此处写……】',
      '（一） 甲之一',
    ]);
    expect(numbered(insertEntry(target(), 2, entryAt(2), 'after')).slice(2, 4)).toEqual([
      '一、 甲部分',
      '· 【此处写……】',
    ]);
  });

  it('never inserts among the title and salutation nor before the opening remarks, and leaves the entry’s own title and salutation out', () => {
    const result = numbered(insertEntry(target(), 0, entryAt(1)));
    expect(result.slice(0, 5)).toEqual([
      'title 讲话',
      'salutation 同志们：',
      '· 开场白',
      '一、 甲部分',
      '· 【此处写……】',
    ]);
    // No heading at all: at the end.
    const plain = docOf(
      ['title', '讲话'],
      ['salutation', '同志们：'],
      [0, '开场白'],
      [0, '再一段'],
    ).toJSON() as NodeJSON;
    expect(numbered(insertEntry(plain, 1, entryAt(1))).slice(2, 5)).toEqual(['· 开场白', '· 再一段', '一、 甲部分']);
    expect(result.filter((row) => row.startsWith('title') || row.startsWith('salutation'))).toHaveLength(2);
  });

  it('inserts an entry without headings as it is, and a bad index at the end', () => {
    const body = { doc: docOf([0, '一段正文']).toJSON() as NodeJSON };
    expect(numbered(insertEntry(target(), 4, body))[4]).toBe('· 一段正文');
    expect(numbered(insertEntry(target(), Number.NaN, body)).at(-1)).toBe('· 一段正文');
    expect(fitEntry(docFromJSON(target()), 4, body.doc)).toMatchObject({ at: 4, shift: 0 });
  });

  it('does not change the documents it is given, and refuses invalid ones with SpeechFileError', () => {
    const doc = target();
    const entry = entryAt(1);
    const copies = JSON.stringify([doc, entry]);
    insertEntry(doc, 3, entry);
    expect(JSON.stringify([doc, entry])).toBe(copies);
    expect(() => insertEntry({ type: 'doc', content: [] }, 0, entry)).toThrow(SpeechFileError);
    expect(() =>
      insertEntry(doc, 0, { doc: { type: 'doc', content: [{ type: 'paragraph', attrs: { level: 9 } }] } }),
    ).toThrow(SpeechFileError);
  });
});

describe('speechFromEntry', () => {
  it('starts a valid speech from the entry, with a title first and the occasion in its properties', () => {
    const file = speechFromEntry(
      { doc: docOf([1, '甲部分'], [0, '正文']).toJSON() as NodeJSON, occasion: '推进会' },
      new Date('2026-03-01T00:00:00Z'),
    );
    expect(file.meta).toEqual({ createdAt: '2026-03-01T00:00:00.000Z', occasion: '推进会' });
    expect(numbered(file.doc)).toEqual(['title ', '一、 甲部分', '· 正文']);
    expect(parseSpeechFile(serializeSpeechFile(file)).file).toEqual(file);
    const titled = speechFromEntry({ doc: docOf(['title', '在XX会上的讲话'], [1, '甲']).toJSON() as NodeJSON });
    expect(numbered(titled.doc)).toEqual(['title 在XX会上的讲话', '一、 甲']);
    expect(titled.meta.occasion).toBeUndefined();
  });
});

describe('insertEntryAtCursor', () => {
  /** An editor state of `doc` with the cursor at `offset` in block `index`. */
  const stateAt = (doc: NodeJSON, index: number, offset = 0) => {
    const state = EditorState.create({ doc: docFromJSON(doc) });
    return state.apply(
      state.tr.setSelection(TextSelection.create(state.doc, blockPosition(state.doc, index) + 1 + offset)),
    );
  };

  it('inserts after the block holding the cursor, in one step, fitting levels to the next heading, cursor on the first inserted block', () => {
    const state = stateAt(target(), 4, 2);
    const tr = state.tr;
    const range = insertEntryAtCursor(tr, entryAt(1).doc);
    expect(range).toBeDefined();
    expect(tr.steps).toHaveLength(1);
    expect(numbered(tr.doc.toJSON() as NodeJSON).slice(3, 11)).toEqual([...INTO_BODY_OF_ONE, '（四） 清醒认识问题']);
    expect(tr.selection.$from.parent.textContent).toBe('甲部分');
    expect(tr.doc.slice(range!.from, range!.to).content.childCount).toBe(4);
  });

  it('replaces the empty paragraph holding the cursor', () => {
    const doc = docOf(['title', '讲话'], [1, '统一思想'], [0, ''], [1, '突出重点']).toJSON() as NodeJSON;
    const tr = stateAt(doc, 2).tr;
    insertEntryAtCursor(tr, entryAt(1).doc);
    expect(numbered(tr.doc.toJSON() as NodeJSON)).toEqual([
      'title 讲话',
      '一、 统一思想',
      '二、 甲部分',
      '· 【此处写……】',
      '（一） 甲之一',
      '三、 乙部分',
      '四、 突出重点',
    ]);
  });

  it('inserts after the opening remarks, before the first heading, when the cursor is in the title or salutation', () => {
    for (const block of [0, 1]) {
      const tr = stateAt(target(), block, 1).tr;
      insertEntryAtCursor(tr, entryAt(2).doc);
      expect(numbered(tr.doc.toJSON() as NodeJSON).slice(0, 6)).toEqual([
        'title 讲话',
        'salutation 同志们：',
        '· 开场白',
        '一、 甲部分',
        '· 【此处写……】',
        '（一） 甲之一',
      ]);
    }
  });

  it('changes nothing for an entry with nothing to insert or content the schema refuses', () => {
    const state = stateAt(target(), 4);
    const tr = state.tr;
    expect(insertEntryAtCursor(tr, docOf(['title', '只有标题']).toJSON() as NodeJSON)).toBeUndefined();
    expect(
      insertEntryAtCursor(tr, { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'image' }] }] }),
    ).toBeUndefined();
    expect(tr.docChanged).toBe(false);
  });
});

describe('the closing remarks (结束语) and inserts', () => {
  const closed = () => docOf(['title', '讲话'], [1, '甲'], [0, '甲正文'], ['closing', '同志们，让我们……！']);
  const section = {
    doc: {
      type: 'doc',
      content: [{ type: 'paragraph', attrs: { level: 1, runIn: false }, content: [{ type: 'text', text: '新节' }] }],
    },
  };

  it('go in before the closing, never after it, even from the end or from inside the closing', () => {
    const doc = closed();
    expect(fitEntry(doc, doc.childCount, section.doc).at).toBe(3);
    const tr = EditorState.create({ doc }).tr;
    tr.setSelection(TextSelection.create(tr.doc, blockPosition(tr.doc, 3) + 2));
    insertEntryAtCursor(tr, section.doc);
    const texts: string[] = [];
    tr.doc.forEach((n) => texts.push(`${n.type.name}:${n.textContent}`));
    expect(texts).toEqual([
      'title:讲话',
      'paragraph:甲',
      'paragraph:甲正文',
      'paragraph:新节',
      'closing:同志们，让我们……！',
    ]);
  });

  it('never bring a template’s closing into a speech with text, marked or guessed', () => {
    const template = (last: NodeJSON): NodeJSON => ({
      type: 'doc',
      content: [
        { type: 'title', content: [{ type: 'text', text: '模板' }] },
        { type: 'paragraph', attrs: { level: 1, runIn: false }, content: [{ type: 'text', text: '模板一节' }] },
        { type: 'paragraph', attrs: { level: 0, runIn: false }, content: [{ type: 'text', text: '正文。' }] },
        last,
      ],
    });
    for (const last of [
      { type: 'closing', content: [{ type: 'text', text: '同志们，【此处写：结束语】' }] },
      {
        type: 'paragraph',
        attrs: { level: 0, runIn: false },
        content: [{ type: 'text', text: '同志们，【此处写：结束语】' }],
      },
    ]) {
      const blocks = fitEntry(closed(), 3, template(last)).blocks;
      expect(blocks.map((b) => b.content?.[0]?.text)).toEqual(['模板一节', '正文。']);
    }
  });
});
