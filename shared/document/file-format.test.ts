import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  MAX_SPEECH_FILE_BYTES,
  SPEECH_FORMAT,
  SPEECH_VERSION,
  SpeechFileError,
  emptySpeechFile,
  parseSpeechFile,
  serializeSpeechFile,
  type SpeechFile,
} from './file-format';
import { docOf } from './test-docs';

const sample = (): SpeechFile => ({
  ...emptySpeechFile(new Date('2026-07-15T08:00:00Z')),
  meta: { title: '在全市XX工作推进会上的讲话', speaker: '×××', speakingRate: 220, targetMinutes: 20, createdAt: '2026-07-15T08:00:00.000Z' },
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
function rejection(text: string): SpeechFileError {
  try {
    parseSpeechFile(text);
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

  it('writes stable key order and ends with a newline', () => {
    const file = sample();
    const shuffled = { doc: file.doc, placeholders: file.placeholders, meta: file.meta, version: file.version, format: file.format } as SpeechFile;
    const text = serializeSpeechFile(shuffled);
    expect(text).toBe(serializeSpeechFile(file));
    expect(Object.keys(JSON.parse(text))).toEqual(['format', 'version', 'meta', 'placeholders', 'doc']);
    expect(text.endsWith('}\n')).toBe(true);
  });

  it('accepts a UTF-8 byte-order mark at the start', () => {
    expect(parseSpeechFile(`\ufeff${serializeSpeechFile(sample())}`).file).toEqual(sample());
  });
});

describe('rejections', () => {
  it.each([
    ['{"format":', 'not-json', /not valid JSON/],
    ['', 'not-json', /not valid JSON/],
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
  ])('refuses version %j, naming it', (version, message) => {
    const error = rejection(JSON.stringify({ ...sample(), version }));
    expect(error.code).toBe('invalid-envelope');
    expect(error.message).toMatch(message);
  });

  it('refuses a newer version and says to update Lectern', () => {
    const error = rejection(JSON.stringify({ ...sample(), version: SPEECH_VERSION + 1 }));
    expect(error.code).toBe('newer-version');
    expect(error.message).toMatch(/version 2.*Update Lectern/);
  });

  it('refuses a bad envelope, naming the field', () => {
    const rate = rejection(JSON.stringify({ ...sample(), meta: { speakingRate: 999 } }));
    expect(rate.code).toBe('invalid-envelope');
    expect(rate.message).toMatch(/^meta\.speakingRate: /);
    const placeholders = rejection(JSON.stringify({ ...sample(), placeholders: { values: { a: 1 } } }));
    expect(placeholders.message).toMatch(/^placeholders\.values\.a: /);
    expect(rejection(JSON.stringify({ ...sample(), doc: 'text' })).message).toMatch(/^doc: /);
  });

  it.each([
    [withContent({ type: 'title' }, { type: 'image' }), /^doc\.content\[1\]: unknown node type "image"/],
    [withContent({ type: 'paragraph', attrs: { level: 7 } }), /^doc\.content\[0\] \(paragraph\): level 7 is not 0–4/],
    [withContent({ type: 'paragraph', attrs: { level: '2' } }), /level "2" is not 0–4/],
    [withContent({ type: 'paragraph', attrs: { level: -1 } }), /level -1 is not 0–4/],
    [withContent({ type: 'paragraph', attrs: { runIn: 'yes' } }), /runIn "yes" is not true or false/],
    [withContent({ type: 'paragraph', attrs: { colour: 'red' } }), /unknown attribute "colour"/],
    [withContent({ type: 'paragraph', content: [{ type: 'text', text: '' }] }), /^doc\.content\[0\]\.content\[0\] \(text\): text node without text/],
    [withContent({ type: 'paragraph', text: '正文' }), /only text nodes carry text/],
    [withContent({ type: 'paragraph', content: [{ type: 'text', text: '正文', marks: [{ type: 'bold' }] }] }), /mark "bold" is not allowed/],
    [withContent({ type: 'paragraph', content: [{ type: 'text', text: 'X光', marks: [{ type: 'notPlaceholder', attrs: { a: 1 } }] }] }), /takes no attributes/],
    [withContent({ type: 'paragraph', marks: [{ type: 'notPlaceholder' }] }), /mark "notPlaceholder" is not allowed/],
    [withContent({ type: 'paragraph', content: [{ type: 'title', content: [{ type: 'text', text: '套' }] }] }), /^doc: /],
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

  it('refuses a file over the size limit before parsing it', () => {
    const error = rejection(' '.repeat(MAX_SPEECH_FILE_BYTES + 1));
    expect(error.code).toBe('too-large');
  });
});

describe('migrations', () => {
  const v0 = { format: SPEECH_FORMAT, version: 0, title: '旧标题', doc: sample().doc };
  const upgrade = {
    0: (old: Record<string, unknown>) => ({ format: old.format, meta: { title: old.title }, placeholders: { values: {}, ignored: [] }, doc: old.doc }),
  };

  it('upgrades an older version through the migration table and says so', () => {
    const parsed = parseSpeechFile(JSON.stringify(v0), { migrations: upgrade });
    expect(parsed.migratedFrom).toBe(0);
    expect(parsed.file.version).toBe(SPEECH_VERSION);
    expect(parsed.file.meta.title).toBe('旧标题');
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
    expect((error as SpeechFileError).message).toMatch(/version 0.*boom/);
  });
});

describe('any input', () => {
  it('never throws anything but SpeechFileError, for arbitrary text and JSON', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.json(), fc.jsonValue().map((v) => JSON.stringify({ format: SPEECH_FORMAT, version: 1, meta: {}, placeholders: {}, doc: v }))), (text) => {
        try {
          parseSpeechFile(text);
        } catch (error) {
          if (!(error instanceof SpeechFileError)) throw error;
        }
      }),
      { numRuns: 500 },
    );
  });

  it('never throws anything but SpeechFileError when a valid file is mutated', () => {
    const base = JSON.parse(serializeSpeechFile(sample()));
    const paths: string[][] = [];
    const walk = (value: unknown, path: string[]) => {
      paths.push(path);
      if (value && typeof value === 'object') for (const [key, child] of Object.entries(value)) walk(child, [...path, key]);
    };
    walk(base, []);
    fc.assert(
      fc.property(fc.constantFrom(...paths.filter((p) => p.length)), fc.jsonValue(), fc.boolean(), (path, value, remove) => {
        const copy = structuredClone(base);
        let target = copy;
        for (const key of path.slice(0, -1)) target = target[key];
        if (remove) delete target[path.at(-1)!];
        else target[path.at(-1)!] = value;
        try {
          parseSpeechFile(JSON.stringify(copy));
        } catch (error) {
          if (!(error instanceof SpeechFileError)) throw error;
        }
      }),
      { numRuns: 1000 },
    );
  });
});
