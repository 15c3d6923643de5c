/**
 * Properties of the importer, over arbitrary input: it throws nothing but ImportError and what it
 * answers is always a valid speech; cleanup is idempotent; the plain-text export of any speech
 * imports back to the same outline.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { docFromJSON, type NodeJSON } from '../document/file-format';
import { buildOutline, flattenOutline } from '../document/outline';
import { docOf, type BlockSpec } from '../document/test-docs';
import { exportText } from '../export/text';
import { CLEANUP_STEPS, cleanUp } from './cleanup';
import { ImportError, importSource, type ImportSource } from './index';
import { readImportBytes } from './read';

/** Pieces that exercise the importer's rules, mixed with arbitrary text. */
const PIECES = [
  '一、',
  '（一）',
  '(二)',
  '1.',
  '2、',
  '（1）',
  '第一部分',
  '同志们：',
  '谢谢大家！',
  '創(chuàng)',
  '发布时间:',
  '来源：',
  'www.x.cn',
  ',',
  ':',
  '!',
  '?',
  ';',
  '。',
  '\n',
  '\n\n',
  '\u3000',
  ' ',
  '\t',
  '\r\n',
  '\r',
  '版权所有',
  '相关热词搜索',
  '講話',
  '1,000',
  '12:30',
  'Windows:',
  '\uE000',
  '\uE0001\uE001',
];
const text = fc
  .array(
    fc.oneof(
      fc.constantFrom(...PIECES),
      fc.string({ unit: 'grapheme', maxLength: 8 }),
      fc.string({ unit: 'binary', maxLength: 4 }),
    ),
    { maxLength: 40 },
  )
  .map((parts) => parts.join(''));
const TAGS = [
  '<p>',
  '</p>',
  '<h1>',
  '</h2>',
  '<h3 class="x">',
  '<br>',
  '<div>',
  '</div>',
  '<script>',
  '</script>',
  '<style>',
  '<!--',
  '-->',
  '<table><tr><td>',
  '<p class=MsoHeading2>',
  '<p style="mso-outline-level:3">',
  '<p class="title">',
  '<![if !supportLists]>',
  '<o:p>',
  '&nbsp;',
  '&#x4e00;',
  '&bogus;',
  '<',
  '>',
  '"',
  "'",
];
const html = fc.array(fc.oneof(fc.constantFrom(...TAGS), text), { maxLength: 30 }).map((parts) => parts.join(''));
const source: fc.Arbitrary<ImportSource> = fc.oneof(
  text.map((content) => ({ kind: 'text' as const, content })),
  text.map((content) => ({ kind: 'markdown' as const, content: content.replace(/^/gm, '## ') })),
  html.map((content) => ({ kind: 'html' as const, content })),
);

/** Calls `run`; passes when it answers or throws an ImportError, fails on anything else. */
function onlyImportErrors<T>(run: () => T): T | undefined {
  try {
    return run();
  } catch (error) {
    expect(error).toBeInstanceOf(ImportError);
    return undefined;
  }
}

describe('the importer, on arbitrary input', () => {
  it('answers a valid speech or throws an ImportError, for text, Markdown and HTML', () => {
    fc.assert(
      fc.property(source, fc.boolean(), fc.option(fc.boolean(), { nil: undefined }), (input, clean, t2s) => {
        const result = onlyImportErrors(() => importSource(input, { clean, ...(t2s === undefined ? {} : { t2s }) }));
        if (result) expect(() => docFromJSON(result.file.doc)).not.toThrow();
        // No marker ever reaches the document.
        if (result) expect(JSON.stringify(result.file.doc)).not.toMatch(/\uE000[TBS1-6]\uE001/u);
      }),
      { numRuns: 400 },
    );
  });

  it('throws nothing but ImportError on arbitrary bytes, whatever the file type', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uint8Array({ maxLength: 300 }),
        fc.constantFrom('a.docx', 'a.txt', 'a.md', 'a.html', 'a.htm', 'a.pdf', 'noext'),
        async (bytes, name) => {
          try {
            const read = await readImportBytes(bytes, name);
            onlyImportErrors(() => importSource(read));
          } catch (error) {
            expect(error).toBeInstanceOf(ImportError);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('cleanup', () => {
  it('is idempotent, step by step and as a whole', () => {
    fc.assert(
      fc.property(text, fc.boolean(), (input, t2s) => {
        for (const step of CLEANUP_STEPS) {
          const once = step.run(input).text;
          expect(step.run(once).text, step.id).toBe(once);
        }
        const once = cleanUp(input, { t2s }).text;
        expect(cleanUp(once, { t2s }).text).toBe(once);
      }),
      { numRuns: 500 },
    );
  });
});

describe('the plain-text export, imported again', () => {
  // Words as speeches use them; text never starts with a typed number or ends in a colon, which
  // would be a heading or a salutation in any reading, nor with a digit (1.2026年… reads as a decimal).
  const WORDS = [
    '推动',
    '高质量发展',
    '全市',
    'XX工作',
    '落实',
    '责任',
    '2026年',
    '【数据】',
    '×××',
    '一要',
    '二是',
    '群众',
    '项目建设',
    '，',
    '、',
  ];
  const phrase = fc
    .array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 8 })
    .map((words) => words.join('').replace(/^[，、\d]+/, '') || '推动');
  const block: fc.Arbitrary<BlockSpec> = fc.oneof(
    phrase.map((p): BlockSpec => [0, `${p}。`]),
    fc.tuple(fc.integer({ min: 1, max: 4 }), phrase).map(([level, p]): BlockSpec => [level, p]),
    fc
      .tuple(fc.integer({ min: 1, max: 4 }), phrase, phrase)
      .map(([level, lead, rest]): BlockSpec => [level, `${lead}。${rest}。`, 'runIn']),
  );
  const outline = (json: NodeJSON) =>
    flattenOutline(buildOutline(docFromJSON(json)).entries).map((e) => `${e.level}:${e.label}${e.text}`);

  it('gives back the same outline', () => {
    fc.assert(
      fc.property(phrase, fc.array(block, { minLength: 1, maxLength: 25 }), (title, blocks) => {
        const doc = docOf(['title', title.slice(0, 30)], ['salutation', '同志们：'], ...blocks);
        const imported = importSource({ kind: 'text', content: exportText(doc) }).file.doc;
        expect(outline(imported)).toEqual(outline(doc.toJSON() as NodeJSON));
      }),
      { numRuns: 300 },
    );
  });
});
