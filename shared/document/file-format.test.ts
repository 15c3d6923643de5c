import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { sampleBlocks, sampleDocJSON } from '../../e2e/sample-speech';
import {
  MAX_SPEECH_FILE_BYTES,
  SPEECH_FORMAT,
  SPEECH_VERSION,
  SpeechFileError,
  docFromJSON,
  emptySpeechFile,
  migrations,
  parseSpeechFile,
  serializeSpeechFile,
  type SpeechFile,
} from './file-format';
import { speechSchema } from './schema';
import { docOf } from './test-docs';

const sample = (): SpeechFile => ({
  ...emptySpeechFile(new Date('2026-07-15T08:00:00Z')),
  meta: {
    title: '在全市XX工作推进会上的讲话',
    speaker: '×××',
    speakingRate: 220,
    targetMinutes: 20,
    createdAt: '2026-07-15T08:00:00.000Z',
  },
  placeholders: { values: { 单位名称: '临江市' }, ignored: ['p1'] },
  doc: docOf(
    ['title', '在全市XX工作推进会上的讲话'],
    ['byline', '×××'],
    ['byline', '（2026年X月X日）'],
    ['salutation', '同志们：'],
    [0, '这次会议的主要任务是……'],
    [1, '统一思想认识'],
    [2, '充分认识重要意义。XX工作事关大局。', 'runIn'],
    [3, '加强组织领导。正文。', 'runIn'],
    [4, '细则'],
    [0, '谢谢大家！'],
  ).toJSON(),
});

/** Parses and answers the error, failing the test if parsing succeeded. */
function rejection(text: string, options?: Parameters<typeof parseSpeechFile>[1]): SpeechFileError {
  try {
    parseSpeechFile(text, options);
  } catch (error) {
    expect(error).toBeInstanceOf(SpeechFileError);
    return error as SpeechFileError;
  }
  throw new Error('expected the file to be refused');
}
const withDoc = (doc: unknown) => JSON.stringify({ ...sample(), doc });
const withContent = (...content: unknown[]) => withDoc({ type: 'doc', content });

describe('round trip', () => {
  it('gives back an empty speech exactly', () => {
    const file = emptySpeechFile();
    expect(parseSpeechFile(serializeSpeechFile(file)).file).toEqual(file);
  });

  it('gives back a full speech exactly: properties, placeholders and every kind of block', () => {
    const file = sample();
    const parsed = parseSpeechFile(serializeSpeechFile(file));
    expect(parsed.file).toEqual(file);
    expect(parsed.doc.toJSON()).toEqual(file.doc);
    expect(serializeSpeechFile(parsed.file)).toBe(serializeSpeechFile(file));
  });

  it('gives back the sample speech (push-meeting) exactly: title, two bylines, salutation, run-in headings at levels 1–3, body and closing', () => {
    const blocks = sampleBlocks();
    // The fixture really has what this test claims to cover.
    expect(blocks.filter((b) => b.type === 'byline')).toHaveLength(2);
    expect(
      new Set(
        blocks.filter((b) => b.type === 'paragraph' && b.level).map((b) => `${b.level}${b.runIn ? ' runIn' : ''}`),
      ),
    ).toEqual(new Set(['1', '2 runIn', '3 runIn']));
    expect(blocks.at(-1)!.text).toBe('谢谢大家！');
    const doc = speechSchema().nodeFromJSON(sampleDocJSON()).toJSON();
    const file: SpeechFile = {
      ...emptySpeechFile(new Date('2026-07-15T08:00:00Z')),
      meta: { title: blocks[0]!.text, speakingRate: 200 },
      doc,
    };
    const parsed = parseSpeechFile(serializeSpeechFile(file));
    expect(parsed.file).toEqual(file);
    expect(parsed.doc.toJSON()).toEqual(doc);
    expect(parsed.migratedFrom).toBeUndefined();
  });

  it('keeps line breaks and not-a-placeholder marks through a save and reopen', () => {
    const s = speechSchema();
    const doc = s
      .node('doc', null, [
        s.node('title', null, [s.text('在全市XX工作'), s.node('hardBreak'), s.text('推进会上的讲话')]),
        s.node('paragraph', null, [
          s.text('购置'),
          s.text('X光机', [s.marks.notPlaceholder!.create()]),
          s.text('两台'),
        ]),
      ])
      .toJSON();
    const file: SpeechFile = { ...emptySpeechFile(new Date(0)), doc };
    const parsed = parseSpeechFile(serializeSpeechFile(file));
    expect(parsed.doc.toJSON()).toEqual(doc);
    expect(parsed.doc.textContent).toBe('在全市XX工作推进会上的讲话购置X光机两台');
  });

  it('writes the same bytes for the same speech whoever built the object (editor or file)', () => {
    const s = speechSchema();
    const fromEditor: SpeechFile = {
      ...emptySpeechFile(new Date(0)),
      meta: { modifiedAt: '2026-07-16T00:00:00.000Z', title: '讲话', createdAt: '2026-07-15T00:00:00.000Z' },
      placeholders: { ignored: ['p1'], values: { 单位: '临江市' } } as SpeechFile['placeholders'],
      doc: s
        .node('doc', null, [s.node('paragraph', null, [s.text('X光机', [s.marks.notPlaceholder!.create()])])])
        .toJSON(),
    };
    const written = serializeSpeechFile(fromEditor);
    expect(serializeSpeechFile(parseSpeechFile(written).file)).toBe(written);
    const reopened = JSON.parse(written);
    expect(Object.keys(reopened.meta)).toEqual(['title', 'createdAt', 'modifiedAt']);
    expect(Object.keys(reopened.placeholders)).toEqual(['values', 'ignored']);
    expect(Object.keys(reopened.doc.content[0].content[0])).toEqual(['type', 'text', 'marks']);
  });

  it('writes stable key order and ends with a newline', () => {
    const file = sample();
    const shuffled = {
      doc: file.doc,
      placeholders: file.placeholders,
      meta: file.meta,
      version: file.version,
      format: file.format,
    } as SpeechFile;
    const text = serializeSpeechFile(shuffled);
    expect(text).toBe(serializeSpeechFile(file));
    expect(Object.keys(JSON.parse(text))).toEqual(['format', 'version', 'meta', 'placeholders', 'doc']);
    expect(text.endsWith('}\n')).toBe(true);
  });

  it('accepts a UTF-8 byte-order mark at the start', () => {
    expect(parseSpeechFile(`\ufeff${serializeSpeechFile(sample())}`).file).toEqual(sample());
  });

  it('writes two-space indented JSON', () => {
    expect(serializeSpeechFile(emptySpeechFile(new Date(0)))).toBe(
      `{\n  "format": "${SPEECH_FORMAT}",\n  "version": ${SPEECH_VERSION},\n  "meta": {\n    "createdAt": "1970-01-01T00:00:00.000Z"\n  },\n  "placeholders": {\n    "values": {},\n    "ignored": []\n  },\n  "doc": {\n    "type": "doc",\n    "content": [\n      {\n        "type": "title"\n      }\n    ]\n  }\n}\n`,
    );
  });

  it('starts a new speech with one empty title and its creation time', () => {
    const file = emptySpeechFile(new Date('2026-07-15T08:00:00Z'));
    expect(file.doc).toEqual({ type: 'doc', content: [{ type: 'title' }] });
    expect(file.meta).toEqual({ createdAt: '2026-07-15T08:00:00.000Z' });
    expect([file.format, file.version]).toEqual(['lectern.speech', 2]);
  });

  it('fills in missing placeholder lists when opening', () => {
    const { placeholders, ...rest } = sample();
    void placeholders;
    expect(parseSpeechFile(JSON.stringify({ ...rest, placeholders: {} })).file.placeholders).toEqual({
      values: {},
      ignored: [],
    });
  });
});

describe('rejections', () => {
  it.each([
    ['{"format":', 'not-json', /not valid JSON/],
    ['', 'not-json', /not valid JSON/],
    ['   \n', 'not-json', /not valid JSON/],
    ['\ufeff', 'not-json', /not valid JSON/],
    // A speech typed in a text editor and named .speech: the user is told to import it instead.
    ['在全市工作会议上的讲话\n同志们：\n', 'plain-text', /plain text, not JSON/],
    ['\ufeff 同志们：', 'plain-text', /plain text, not JSON/],
    ['PK\u0003\u0004binary', 'not-json', /not valid JSON/],
    [`{"format":"${SPEECH_FORMAT}",\ufeff"version":1}`, 'not-json', /not valid JSON/],
    ['{}', 'not-speech', /not a Lectern speech/],
    ['[1,2]', 'not-speech', /not a Lectern speech/],
    ['"text"', 'not-speech', /not a Lectern speech/],
    ['null', 'not-speech', /not a Lectern speech/],
    [JSON.stringify({ version: 1 }), 'not-speech', /"format"/],
    [JSON.stringify({ format: 'other.format', version: 1 }), 'not-speech', /not a Lectern speech/],
  ])('refuses %j as %s', (text, code, message) => {
    const error = rejection(text);
    expect(error.code).toBe(code);
    expect(error.message).toMatch(message);
  });

  it.each([
    [undefined, /version: undefined/],
    ['1', /version: "1"/],
    [-1, /version: -1/],
    [1.5, /version: 1.5/],
    [null, /version: null/],
  ])('refuses version %j, naming it', (version, message) => {
    const error = rejection(JSON.stringify({ ...sample(), version }));
    expect(error.code).toBe('invalid-envelope');
    expect(error.message).toMatch(message);
  });

  it('refuses an infinite version, naming it', () => {
    const error = rejection(`{"format":"${SPEECH_FORMAT}","version":1e400}`);
    expect(error.code).toBe('invalid-envelope');
    expect(error.message).toMatch(/version: Infinity/);
  });

  it('refuses a newer version and says to update Lectern', () => {
    const error = rejection(JSON.stringify({ ...sample(), version: SPEECH_VERSION + 1 }));
    expect(error.code).toBe('newer-version');
    expect(error.message).toMatch(/version 3.*reads up to 2.*Update Lectern/);
  });

  it('refuses a bad envelope, naming the field', () => {
    const rate = rejection(JSON.stringify({ ...sample(), meta: { speakingRate: 999 } }));
    expect(rate.code).toBe('invalid-envelope');
    expect(rate.message).toMatch(/^meta\.speakingRate: /);
    const placeholders = rejection(JSON.stringify({ ...sample(), placeholders: { values: { a: 1 } } }));
    expect(placeholders.message).toMatch(/^placeholders\.values\.a: /);
    expect(rejection(JSON.stringify({ ...sample(), doc: 'text' })).message).toMatch(/^doc: /);
    const missing = rejection(JSON.stringify({ ...sample(), meta: undefined }));
    expect([missing.code, missing.message]).toEqual(['invalid-envelope', expect.stringMatching(/^meta: /)]);
  });

  it('names a bad node field inside the document by its position, as doc.content[1].type', () => {
    const error = rejection(withContent({ type: 'title' }, { type: 5 }));
    expect(error.code).toBe('invalid-envelope');
    expect(error.message).toMatch(/^doc\.content\[1\]\.type: /);
  });

  it.each([
    [withContent({ type: 'title' }, { type: 'image' }), /^doc\.content\[1\]: unknown node type "image"/],
    [withContent({ type: 'paragraph', attrs: { level: 7 } }), /^doc\.content\[0\] \(paragraph\): level 7 is not 0–4/],
    [withContent({ type: 'paragraph', attrs: { level: '2' } }), /level "2" is not 0–4/],
    [withContent({ type: 'paragraph', attrs: { level: -1 } }), /level -1 is not 0–4/],
    [withContent({ type: 'paragraph', attrs: { runIn: 'yes' } }), /runIn "yes" is not true or false/],
    [
      withContent({ type: 'title' }, { type: 'title' }, { type: 'table' }),
      /^doc\.content\[2\]: unknown node type "table"/,
    ],
    [withContent({ type: 'toString' }), /^doc\.content\[0\]: unknown node type "toString"/],
    [withContent({ type: 'paragraph', attrs: { colour: 'red' } }), /unknown attribute "colour"/],
    [
      withContent({ type: 'paragraph', attrs: { toString: 1 } }),
      /^doc\.content\[0\] \(paragraph\): unknown attribute "toString"/,
    ],
    [
      withContent({ type: 'title', attrs: { constructor: 1 } }),
      /^doc\.content\[0\] \(title\): unknown attribute "constructor"/,
    ],
    [withContent({ type: 'title', attrs: { level: 1 } }), /^doc\.content\[0\] \(title\): unknown attribute "level"/],
    [
      withContent({
        type: 'paragraph',
        content: [{ type: 'text', text: '正文', content: [{ type: 'text', text: '藏' }] }],
      }),
      /^doc\.content\[0\]\.content\[0\] \(text\): a text node has no content/,
    ],
    [withContent({ type: 'paragraph', content: [{ type: 'text' }] }), /\(text\): text node without text/],
    [
      withContent({ type: 'paragraph', content: [{ type: 'hardBreak', content: [{ type: 'text', text: '藏' }] }] }),
      /^doc: .*hardBreak/,
    ],
    [
      withContent({
        type: 'paragraph',
        content: [{ type: 'text', text: 'X光', marks: [{ type: 'notPlaceholder' }, { type: 'notPlaceholder' }] }],
      }),
      /^doc: .*marks/,
    ],
    [
      withContent({ type: 'paragraph', content: [{ type: 'text', text: 'X光', marks: [{ type: 'toString' }] }] }),
      /mark "toString" is not allowed/,
    ],
    [
      withContent({ type: 'paragraph', content: [{ type: 'text', text: 'X光', marks: ['notPlaceholder'] }] }),
      /mark "notPlaceholder" is not allowed/,
    ],
    [
      withContent({ type: 'title', content: [{ type: 'text', text: '标题' }] }, { type: 'text', text: '散文' }),
      /^doc: /,
    ],
    [
      withContent({ type: 'paragraph', content: [{ type: 'text', text: '' }] }),
      /^doc\.content\[0\]\.content\[0\] \(text\): text node without text/,
    ],
    [withContent({ type: 'paragraph', text: '正文' }), /only text nodes carry text/],
    [
      withContent({ type: 'paragraph', content: [{ type: 'text', text: '正文', marks: [{ type: 'bold' }] }] }),
      /mark "bold" is not allowed/,
    ],
    [
      withContent({
        type: 'paragraph',
        content: [{ type: 'text', text: 'X光', marks: [{ type: 'notPlaceholder', attrs: { a: 1 } }] }],
      }),
      /takes no attributes/,
    ],
    [withContent({ type: 'paragraph', marks: [{ type: 'notPlaceholder' }] }), /mark "notPlaceholder" is not allowed/],
    [
      withContent({ type: 'paragraph', content: [{ type: 'title', content: [{ type: 'text', text: '套' }] }] }),
      /^doc: /,
    ],
    [withContent(), /^doc: /],
    [withDoc({ type: 'paragraph' }), /top node is "paragraph"/],
  ])('refuses invalid content %#, naming the node', (text, message) => {
    const error = rejection(text);
    expect(error.code).toBe('invalid-content');
    expect(error.message).toMatch(message);
  });

  it('refuses deeply nested JSON quickly, without overflowing the stack', () => {
    const deep = `{"format":"${SPEECH_FORMAT}","version":1,"doc":${'{"content":['.repeat(10_000)}${']}'.repeat(10_000)}}`;
    const started = performance.now();
    const error = rejection(deep);
    expect(error.code).toBe('invalid-content');
    expect(error.message).toMatch(/nested deeper/);
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  it('refuses a file over the size limit before parsing it, and opens one just at it', () => {
    const error = rejection(' '.repeat(MAX_SPEECH_FILE_BYTES + 1));
    expect(error.code).toBe('too-large');
    expect(error.message).toMatch(/larger than 20 MB/);
    const text = serializeSpeechFile(sample());
    const atLimit = text + ' '.repeat(MAX_SPEECH_FILE_BYTES - new TextEncoder().encode(text).length);
    expect(parseSpeechFile(atLimit).file).toEqual(sample());
    expect(rejection(`${atLimit} `).code).toBe('too-large');
  });

  it('measures the size limit in UTF-8 bytes, as on disk, not in characters', () => {
    // Each Han character is three bytes: 8 Mi of them is 24 MiB on disk.
    const error = rejection(`"${'中'.repeat(8 * 1024 * 1024)}"`);
    expect(error.code).toBe('too-large');
    const pairs = rejection(`"${'𠮷'.repeat(MAX_SPEECH_FILE_BYTES / 4)}"`);
    expect(pairs.code).toBe('too-large');
    expect(rejection(`"${'𠮷'.repeat(MAX_SPEECH_FILE_BYTES / 4 - 1)}"`).code).toBe('not-speech');
  });
});

describe('migrations', () => {
  it('opens a version-1 file, written before the closing block existed, unchanged but for its version', () => {
    const v1 = { ...sample(), version: 1 };
    const parsed = parseSpeechFile(JSON.stringify(v1));
    expect(parsed.migratedFrom).toBe(1);
    expect(parsed.file.version).toBe(SPEECH_VERSION);
    expect(parsed.doc.toJSON()).toEqual(sample().doc);
  });

  it('keeps a closing block (结束语) through a save and an open', () => {
    const file = {
      ...sample(),
      doc: {
        type: 'doc',
        content: [
          ...(sample().doc.content ?? []),
          { type: 'closing', content: [{ type: 'text', text: '谢谢大家！' }] },
        ],
      },
    };
    const parsed = parseSpeechFile(serializeSpeechFile(file));
    expect(parsed.doc.lastChild?.type.name).toBe('closing');
    expect(parsed.doc.lastChild?.textContent).toBe('谢谢大家！');
  });

  const v0 = { format: SPEECH_FORMAT, version: 0, title: '旧标题', doc: sample().doc };
  // The injected table replaces the built-in one: it keeps the real steps from version 1 on.
  const upgrade = {
    ...migrations,
    0: (old: Record<string, unknown>) => ({
      format: old.format,
      meta: { title: old.title },
      placeholders: { values: {}, ignored: [] },
      doc: old.doc,
    }),
  };

  it('upgrades an older version through the migration table and says so', () => {
    const parsed = parseSpeechFile(JSON.stringify(v0), { migrations: upgrade });
    expect(parsed.migratedFrom).toBe(0);
    expect(parsed.file.version).toBe(SPEECH_VERSION);
    expect(parsed.file.meta.title).toBe('旧标题');
  });

  it('upgrades a file whose migration forgets to set the version, and still checks the content', () => {
    const parsed = parseSpeechFile(JSON.stringify(v0), { migrations: upgrade });
    expect(parsed.doc.toJSON()).toEqual(sample().doc);
    const broken = rejection(JSON.stringify(v0), {
      migrations: {
        ...upgrade,
        0: (old) => ({ ...upgrade[0](old), doc: { type: 'doc', content: [{ type: 'image' }] } }),
      },
    });
    expect(broken.code).toBe('invalid-content');
    expect(broken.message).toMatch(/unknown node type "image"/);
  });

  it('does not run migrations for a current-version file', () => {
    let calls = 0;
    const parsed = parseSpeechFile(serializeSpeechFile(sample()), {
      migrations: { 0: (old) => (calls++, old), 1: (old) => (calls++, old) },
    });
    expect(calls).toBe(0);
    expect(parsed.migratedFrom).toBeUndefined();
  });

  it('refuses a version with no migration step', () => {
    const error = rejection(JSON.stringify(v0));
    expect(error.code).toBe('invalid-envelope');
    expect(error.message).toMatch(/format version 0/);
  });

  it('turns a migration that throws into a clear refusal', () => {
    let error: unknown;
    try {
      parseSpeechFile(JSON.stringify(v0), {
        migrations: {
          0: () => {
            throw new TypeError('boom');
          },
        },
      });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(SpeechFileError);
    expect((error as SpeechFileError).code).toBe('invalid-envelope');
    expect((error as SpeechFileError).message).toMatch(/version 0.*boom/);
  });

  it.each([
    ['null', null],
    ['a string', 'no'],
    ['undefined', undefined],
  ])('turns a migration that throws %s into a clear refusal', (_name, thrown) => {
    const error = rejection(JSON.stringify(v0), {
      migrations: {
        0: () => {
          throw thrown;
        },
      },
    });
    expect(error.code).toBe('invalid-envelope');
    expect(error.message).toMatch(/upgrade from format version 0 failed/);
  });

  it.each([
    ['nothing', () => null],
    ['an array', () => []],
  ])('refuses a migration that gives %s, naming the version', (_name, migrate) => {
    const error = rejection(JSON.stringify(v0), { migrations: { 0: migrate as never } });
    expect(error.code).toBe('invalid-envelope');
    expect(error.message).toMatch(/version 0 gave no file/);
  });

  it('refuses a migration that gives deeply nested JSON without overflowing the stack', () => {
    let deep: unknown = {};
    for (let i = 0; i < 50_000; i++) deep = { content: [deep] };
    const error = rejection(JSON.stringify(v0), {
      migrations: { ...upgrade, 0: (old) => ({ ...upgrade[0](old), doc: deep }) },
    });
    expect(error.code).toBe('invalid-content');
    expect(error.message).toMatch(/nested deeper/);
  });
});

describe('docFromJSON', () => {
  it('builds the document of the sample speech', () => {
    const doc = docFromJSON(sampleDocJSON() as never);
    expect(doc.toJSON()).toEqual(speechSchema().nodeFromJSON(sampleDocJSON()).toJSON());
  });

  it.each([
    ['null', null, /^doc: /],
    ['a string', 'text', /^doc: /],
    ['a null block', { type: 'doc', content: [null] }, /^doc\.content\[0\]: /],
    ['a paragraph as top node', { type: 'paragraph' }, /top node is "paragraph"/],
    ['a level-9 heading', { type: 'doc', content: [{ type: 'paragraph', attrs: { level: 9 } }] }, /level 9 is not 0–4/],
  ])('refuses %s with a SpeechFileError naming the problem', (_name, json, message) => {
    let error: unknown;
    try {
      docFromJSON(json as never);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(SpeechFileError);
    expect((error as SpeechFileError).code).toBe('invalid-content');
    expect((error as SpeechFileError).message).toMatch(message);
  });

  it('refuses 20,000 nested blocks without overflowing the stack', () => {
    let node: unknown = { type: 'text', text: '套' };
    for (let i = 0; i < 20_000; i++) node = { type: 'paragraph', content: [node] };
    expect(() => docFromJSON({ type: 'doc', content: [node] } as never)).toThrow(SpeechFileError);
  });
});

/** Parses `text` as a speech file; a refusal must be a SpeechFileError (which the app explains), never a crash. */
function parsesOrRefuses(text: string): void {
  try {
    parseSpeechFile(text);
  } catch (error) {
    if (!(error instanceof SpeechFileError)) throw error;
  }
}

describe('any input', () => {
  it('never throws anything but SpeechFileError, for arbitrary text and JSON', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.json(),
          fc
            .jsonValue()
            .map((v) => JSON.stringify({ format: SPEECH_FORMAT, version: 1, meta: {}, placeholders: {}, doc: v })),
        ),
        (text) => {
          parsesOrRefuses(text);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('never throws anything but SpeechFileError when a valid file is mutated', () => {
    const base = JSON.parse(serializeSpeechFile(sample()));
    const paths: string[][] = [];
    const walk = (value: unknown, path: string[]) => {
      paths.push(path);
      if (value && typeof value === 'object')
        for (const [key, child] of Object.entries(value)) walk(child, [...path, key]);
    };
    walk(base, []);
    fc.assert(
      fc.property(
        fc.constantFrom(...paths.filter((p) => p.length)),
        fc.jsonValue(),
        fc.boolean(),
        (path, value, remove) => {
          const copy = structuredClone(base);
          let target = copy;
          for (const key of path.slice(0, -1)) target = target[key];
          if (remove) delete target[path.at(-1)!];
          else target[path.at(-1)!] = value;
          parsesOrRefuses(JSON.stringify(copy));
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('never throws anything but SpeechFileError when the saved text is damaged (cut, spliced, bytes dropped)', () => {
    const text = serializeSpeechFile(sample());
    fc.assert(
      fc.property(
        fc.nat({ max: text.length }),
        fc.nat({ max: 40 }),
        fc.string({ unit: 'binary' }),
        (at, cut, insert) => {
          parsesOrRefuses(text.slice(0, at) + insert + text.slice(at + cut));
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('any input, as bytes and as documents', () => {
  it('never throws anything but SpeechFileError for arbitrary bytes read as UTF-8, with or without a BOM', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), fc.boolean(), (bytes, bom) => {
        const text = Buffer.concat([
          bom ? Buffer.from([0xef, 0xbb, 0xbf]) : Buffer.alloc(0),
          Buffer.from(bytes),
        ]).toString('utf8');
        parsesOrRefuses(text);
      }),
      { numRuns: 500 },
    );
  });

  it('gives back any valid speech exactly, through the bytes on disk', () => {
    const text = fc.string({ unit: 'grapheme', maxLength: 30 });
    const block = fc.oneof(
      fc.tuple(fc.constantFrom('title' as const, 'byline' as const, 'salutation' as const), text),
      fc.tuple(fc.integer({ min: 0, max: 4 }), text),
      fc.tuple(fc.integer({ min: 0, max: 4 }), text, fc.constant('runIn' as const)),
    );
    const meta = fc.record(
      {
        title: fc.string({ unit: 'grapheme', maxLength: 50 }),
        speaker: fc.string({ unit: 'grapheme', maxLength: 20 }),
        speakingRate: fc.integer({ min: 160, max: 260 }),
        targetMinutes: fc.integer({ min: 1, max: 600 }),
      },
      { requiredKeys: [] },
    );
    const placeholders = fc.record({
      values: fc.dictionary(fc.string({ minLength: 1, maxLength: 8 }), fc.string({ maxLength: 20 })),
      ignored: fc.array(fc.string({ maxLength: 8 }), { maxLength: 3 }),
    });
    fc.assert(
      fc.property(
        fc.array(block, { minLength: 1, maxLength: 12 }),
        meta,
        placeholders,
        (blocks, meta, placeholders) => {
          const file: SpeechFile = {
            ...emptySpeechFile(new Date('2026-01-01T00:00:00Z')),
            meta,
            placeholders,
            doc: docOf(...blocks).toJSON(),
          };
          const onDisk = Buffer.from(serializeSpeechFile(file), 'utf8').toString('utf8');
          const parsed = parseSpeechFile(onDisk);
          expect(parsed.file).toEqual(file);
          expect(serializeSpeechFile(parsed.file)).toBe(onDisk);
        },
      ),
      { numRuns: 300 },
    );
  });
});
