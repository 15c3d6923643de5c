import { describe, expect, it } from 'vitest';
import { BLOCK_TYPES, speechSchema } from './schema';

describe('speech schema', () => {
  it('has the block types of a speech and nothing else', () => {
    const schema = speechSchema();
    expect(Object.keys(schema.nodes).sort()).toEqual(['byline', 'doc', 'hardBreak', 'paragraph', 'salutation', 'text', 'title']);
    expect(BLOCK_TYPES).toEqual(['title', 'byline', 'salutation', 'paragraph']);
    expect(Object.keys(schema.marks)).toEqual(['notPlaceholder']);
  });

  it('makes a paragraph body text, own-line, by default', () => {
    expect(speechSchema().nodes.paragraph!.create().attrs).toEqual({ level: 0, runIn: false });
  });

  it('is built once and shared', () => {
    expect(speechSchema()).toBe(speechSchema());
  });

  it('needs at least one block and keeps blocks flat with inline content only', () => {
    const schema = speechSchema();
    expect(() => schema.node('doc', null, []).check()).toThrow();
    const title = schema.node('title', null, [schema.text('讲话')]);
    expect(() => schema.node('doc', null, [schema.node('paragraph', null, [title])]).check()).toThrow();
    expect(() => schema.node('doc', null, [title, schema.node('paragraph', { level: 1 }, [schema.text('一'), schema.node('hardBreak')])]).check()).not.toThrow();
  });
});
