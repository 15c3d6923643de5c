import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { docFromJSON, type NodeJSON } from '../document/file-format';
import { headingLevel } from '../document/numbering';
import { docOf, type BlockSpec } from '../document/test-docs';
import { LibraryEntryError, parseLibraryBundle, parseLibraryEntry } from './entry';
import { OUTLINE_PROMPT, extractOutline } from './extract';
import { fitEntry, insertEntry } from './insert';

const texts = fc.constantFrom(
  '统一思想认识',
  '充分认识意义。正文。',
  '一要抓好项目建设。正文。',
  '二是强化保障',
  '第一，坚持学习。',
  '同志们，让我们……！',
  '正文',
  '',
  '加强组织领导。',
);
const block: fc.Arbitrary<BlockSpec> = fc.oneof(
  fc.tuple(fc.integer({ min: 0, max: 4 }), texts).map(([level, text]) => [level, text] as BlockSpec),
  fc.tuple(fc.integer({ min: 1, max: 4 }), texts).map(([level, text]) => [level, text, 'runIn'] as BlockSpec),
  texts.map((text) => ['byline', text] as BlockSpec),
);
const speech = fc.array(block, { minLength: 1, maxLength: 25 }).map((blocks) => docOf(['title', '讲话'], ...blocks));

const levels = (json: NodeJSON) =>
  (json.content ?? []).map((b) => (b.type === 'paragraph' ? Number(b.attrs?.level ?? 0) : 0));

describe('library properties', () => {
  it('an outline is a valid speech with every heading of the range in order, and body only as prompts', () => {
    fc.assert(
      fc.property(speech, fc.nat(30), fc.nat(30), (doc, a, b) => {
        const range = { start: Math.min(a, b), end: Math.max(a, b) };
        const outline = docFromJSON(extractOutline(doc, range));
        const before: number[] = [];
        for (let i = range.start; i < Math.min(range.end, doc.childCount); i++)
          if (headingLevel(doc.child(i))) before.push(headingLevel(doc.child(i)));
        const after: number[] = [];
        outline.forEach((node) => {
          if (headingLevel(node)) after.push(headingLevel(node));
          else if (node.type.name === 'paragraph') expect(node.textContent).toContain(OUTLINE_PROMPT);
        });
        expect(after).toEqual(before);
      }),
      { numRuns: 300 },
    );
  });

  it('inserting keeps both documents’ blocks in order, levels in 1–4, and the entry’s heading order and nesting where it fits', () => {
    fc.assert(
      fc.property(
        speech,
        speech,
        fc.integer({ min: -3, max: 40 }),
        fc.constantFrom('auto', 'under', 'after') as fc.Arbitrary<'auto' | 'under' | 'after'>,
        (target, entry, at, placement) => {
          const json = target.toJSON() as NodeJSON;
          const entryJson = entry.toJSON() as NodeJSON;
          const result = insertEntry(json, at, { doc: entryJson }, placement);
          const fitted = fitEntry(target, at, entryJson, placement);
          const blocks = result.content!;
          expect(blocks.length).toBe(json.content!.length + fitted.blocks.length);
          // The target's blocks, untouched, around the inserted ones.
          expect([...blocks.slice(0, fitted.at), ...blocks.slice(fitted.at + fitted.blocks.length)]).toEqual(
            json.content,
          );
          const inserted = levels({ type: 'doc', content: blocks.slice(fitted.at, fitted.at + fitted.blocks.length) });
          const paragraphs = entryJson.content!.filter((b) => b.type === 'paragraph');
          // A whole speech (it has a title) going into a document with text brings its sections only:
          // from its first heading, without closing paragraphs after its last one.
          const whole = entryJson.content!.some((b) => b.type === 'title') && target.textContent.trim() !== '';
          const first = whole
            ? Math.max(
                0,
                levels({ type: 'doc', content: paragraphs }).findIndex((level) => level > 0),
              )
            : 0;
          const kept = paragraphs.slice(first, first + fitted.blocks.length);
          if (!whole) expect(kept).toHaveLength(paragraphs.length);
          expect(
            levels({ type: 'doc', content: paragraphs.slice(first + fitted.blocks.length) }).every(
              (level) => level === 0,
            ),
          ).toBe(true);
          expect(fitted.blocks.map((b) => JSON.stringify(b.content ?? []))).toEqual(
            kept.map((b) => JSON.stringify(b.content ?? [])),
          );
          const source = levels({ type: 'doc', content: kept });
          expect(inserted.every((level, i) => (source[i] ? level >= 1 && level <= 4 : level === 0))).toBe(true);
          // Shifted headings keep their order: a deeper heading never comes out shallower than one before it was above
          // it.
          for (let i = 0; i < source.length; i++)
            for (let j = 0; j < source.length; j++)
              if (source[i]! && source[j]! && source[i]! < source[j]!)
                expect(inserted[i]!).toBeLessThanOrEqual(inserted[j]!);
          expect(fitted.at).toBeGreaterThanOrEqual(1);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('reading any text as an entry or a bundle throws nothing but LibraryEntryError', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.json(),
          fc.jsonValue().map((v) =>
            JSON.stringify({
              format: 'lectern.library-entry',
              version: 1,
              ...(typeof v === 'object' && v ? v : { v }),
            }),
          ),
        ),
        (text) => {
          for (const read of [parseLibraryEntry, parseLibraryBundle]) {
            try {
              read(text);
            } catch (error) {
              expect(error).toBeInstanceOf(LibraryEntryError);
            }
          }
        },
      ),
      { numRuns: 500 },
    );
  });
});
