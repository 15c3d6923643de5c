// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { getAttributesFromExtensions } from '@tiptap/core';
import { DOMParser as PMDOMParser, DOMSerializer } from '@tiptap/pm/model';
import { BLOCK_TYPES, MAX_HEADING_LEVEL, speechNodes, speechSchema } from './schema';

const schema = () => speechSchema();
const text = (value: string) => schema().text(value);

describe('speech schema', () => {
  it('has exactly the blocks of a speech: title, byline, salutation, paragraph, closing (plus doc, text and line breaks)', () => {
    expect(Object.keys(schema().nodes).sort()).toEqual([
      'byline',
      'closing',
      'doc',
      'hardBreak',
      'paragraph',
      'salutation',
      'text',
      'title',
    ]);
    expect(BLOCK_TYPES).toEqual(['title', 'byline', 'salutation', 'paragraph', 'closing']);
    const blocks = Object.values(schema().nodes)
      .filter((type) => type.isBlock && type.name !== 'doc')
      .map((type) => type.name)
      .sort();
    expect(blocks).toEqual([...BLOCK_TYPES].sort());
    expect(schema().topNodeType.name).toBe('doc');
  });

  it('carries no formatting marks (no bold, italic, colour): only the not-a-placeholder flag', () => {
    expect(Object.keys(schema().marks)).toEqual(['notPlaceholder']);
    expect(schema().marks.notPlaceholder!.spec.attrs ?? {}).toEqual({});
  });

  it('makes a new paragraph body text on its own line (level 0, not run in)', () => {
    expect(schema().nodes.paragraph!.create().attrs).toEqual({ level: 0, runIn: false });
    expect(MAX_HEADING_LEVEL).toBe(4);
  });

  it('gives title, byline and salutation no attributes', () => {
    for (const name of ['title', 'byline', 'salutation'])
      expect(schema().nodes[name]!.create().attrs, name).toEqual({});
  });

  it('starts a body paragraph when Enter splits a heading (level and run-in are not kept on split)', () => {
    const attributes = getAttributesFromExtensions(speechNodes as never).filter((a) => a.type === 'paragraph');
    expect(attributes.map((a) => [a.name, a.attribute.keepOnSplit])).toEqual([
      ['level', false],
      ['runIn', false],
    ]);
  });

  it('is built once and shared', () => {
    expect(speechSchema()).toBe(speechSchema());
  });
});

describe('content rules', () => {
  it('refuses a document with no blocks', () => {
    expect(() => schema().node('doc', null, []).check()).toThrow(/Invalid content for node doc/);
  });

  it('accepts every block type side by side, empty or holding text and line breaks', () => {
    const s = schema();
    const doc = s.node('doc', null, [
      s.node('title', null, [text('在全市XX工作'), s.node('hardBreak'), text('推进会上的讲话')]),
      s.node('byline', null, [text('×××')]),
      s.node('salutation', null, [text('同志们：')]),
      s.node('paragraph', { level: 1, runIn: false }, [text('统一思想')]),
      s.node('paragraph', { level: 2, runIn: true }, [text('充分认识。正文')]),
      s.node('paragraph'),
      s.node('title'),
    ]);
    expect(() => doc.check()).not.toThrow();
  });

  it.each(['title', 'byline', 'salutation', 'paragraph'])('refuses a block inside a %s (blocks are flat)', (outer) => {
    const s = schema();
    for (const inner of BLOCK_TYPES) {
      const block = s.node(inner, null, [text('套')]);
      expect(() => s.node('doc', null, [s.node(outer, null, [block])]).check(), `${inner} in ${outer}`).toThrow(
        `Invalid content for node ${outer}`,
      );
    }
  });

  it('refuses text straight in the document, outside any block', () => {
    expect(() =>
      schema()
        .node('doc', null, [text('正文')])
        .check(),
    ).toThrow(/Invalid content for node doc/);
  });

  it('makes a line break an inline leaf that holds nothing', () => {
    const hardBreak = schema().nodes.hardBreak!;
    expect(hardBreak.isInline && hardBreak.isLeaf).toBe(true);
  });
});

describe('HTML (copy and paste)', () => {
  const parse = (html: string) => {
    const element = document.createElement('div');
    element.innerHTML = html;
    return PMDOMParser.fromSchema(schema()).parse(element).toJSON();
  };

  it('reads each block type back from the HTML it writes', () => {
    const s = schema();
    const doc = s.node('doc', null, [
      s.node('title', null, [text('讲话'), s.node('hardBreak'), text('第二行')]),
      s.node('byline', null, [text('×××')]),
      s.node('salutation', null, [text('同志们：')]),
      s.node('paragraph', { level: 2, runIn: true }, [text('充分认识。正文')]),
      s.node('paragraph', null, [text('正文')]),
    ]);
    const element = document.createElement('div');
    element.append(DOMSerializer.fromSchema(s).serializeFragment(doc.content, { document }));
    expect(element.innerHTML).toContain('<p data-level="2" data-run-in="true">');
    expect(parse(element.innerHTML)).toEqual(doc.toJSON());
  });

  it.each([
    ['7', 0],
    ['-1', 0],
    ['1.5', 0],
    ['abc', 0],
    ['4', 4],
    ['1', 1],
  ])('reads a pasted paragraph with data-level="%s" as level %i', (value, level) => {
    expect(parse(`<p data-level="${value}">正文</p>`).content[0].attrs.level).toBe(level);
  });

  it('reads a pasted <p> without classes as a body paragraph', () => {
    expect(parse('<p>正文</p>').content[0]).toEqual({
      type: 'paragraph',
      attrs: { level: 0, runIn: false },
      content: [{ type: 'text', text: '正文' }],
    });
  });
});
