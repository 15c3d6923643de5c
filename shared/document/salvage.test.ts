import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SPEECH_VERSION, parseSpeechFile, serializeSpeechFile, emptySpeechFile, type SpeechFile } from './file-format';
import { salvageSpeechFile } from './salvage';
import { docOf } from './test-docs';

const speech = (): SpeechFile => ({
  ...emptySpeechFile(new Date('2026-01-01T00:00:00Z')),
  meta: { title: '讲话', speaker: '张三' },
  doc: docOf(
    ['title', '在全市推进会上的讲话'],
    [1, '统一思想'],
    [0, '正文一'],
    [2, '加强领导。正文', 'runIn'],
    [0, '同志们！'],
  ).toJSON(),
});

const texts = (file: SpeechFile) =>
  (file.doc.content ?? []).map((block) => (block.content ?? []).map((inline) => inline.text ?? '\n').join(''));

describe('salvageSpeechFile', () => {
  it('keeps every valid block and drops an invalid one without text, counting it lost', () => {
    const file = speech();
    const content = [...file.doc.content!];
    content.splice(2, 0, { type: 'no-such-block' });
    const result = salvageSpeechFile(JSON.stringify({ ...file, doc: { type: 'doc', content } }));
    expect(result?.report).toEqual({ kept: 5, repaired: 0, lost: 1, truncated: false, droppedMeta: [] });
    expect(result?.file.doc).toEqual(speech().doc);
    expect(result?.file.meta).toMatchObject({ title: '讲话', speaker: '张三' });
  });

  it('keeps the text of an invalid block as a plain paragraph, at its level when that is valid', () => {
    const file = speech();
    const content = [...file.doc.content!];
    content[1] = {
      type: 'paragraph',
      attrs: { level: 1, color: 'red' },
      content: [
        { type: 'text', text: '统一', marks: [{ type: 'bold' }] },
        { type: 'hardBreak' },
        { type: 'text', text: '思想' },
      ],
    };
    content[2] = { type: 'paragraph', attrs: { level: 9 }, content: [{ type: 'text', text: '正文一' }] };
    const result = salvageSpeechFile(JSON.stringify({ ...file, doc: { type: 'doc', content } }))!;
    expect(result.report).toMatchObject({ kept: 3, repaired: 2, lost: 0 });
    expect(texts(result.file)).toEqual(['在全市推进会上的讲话', '统一\n思想', '正文一', '加强领导。正文', '同志们！']);
    expect(result.file.doc.content![1]!.attrs).toEqual({ level: 1, runIn: false });
    expect(result.file.doc.content![2]!.attrs).toEqual({ level: 0, runIn: false });
  });

  it('reads a file cut short up to the last complete block, counting the block cut in half as lost', () => {
    const text = serializeSpeechFile(speech());
    const cut = text.slice(0, text.indexOf('同志们'));
    const result = salvageSpeechFile(cut)!;
    expect(result.report).toMatchObject({ kept: 4, lost: 1, truncated: true });
    expect(texts(result.file)).toEqual(['在全市推进会上的讲话', '统一思想', '正文一', '加强领导。正文']);
  });

  it('opens the blocks of a newer version that this version understands', () => {
    const file = { ...speech(), version: 7, newField: { x: 1 } };
    const result = salvageSpeechFile(JSON.stringify(file))!;
    expect(result.file.version).toBe(SPEECH_VERSION);
    expect(result.report).toMatchObject({ kept: 5, lost: 0 });
  });

  it('drops invalid properties by name and keeps the rest', () => {
    const file = { ...speech(), meta: { title: '讲话', speakingRate: 9999, date: 42 }, placeholders: 'broken' };
    const result = salvageSpeechFile(JSON.stringify(file))!;
    expect(result.file.meta.title).toBe('讲话');
    expect(result.file.meta.speakingRate).toBeUndefined();
    expect(result.report.droppedMeta.sort()).toEqual(['date', 'speakingRate']);
    expect(result.file.placeholders).toEqual({ values: {}, ignored: [] });
  });

  it('answers undefined when nothing of a speech is left', () => {
    for (const text of [
      '',
      'hello',
      '[]',
      'null',
      '{"hello":1}',
      '{"format":"lectern.speech","doc":{"type":"doc","content":[{"type":"x"}]}}',
      '{"format":"lectern.speech"',
      '{"format":"other","doc":{}}',
    ]) {
      expect(salvageSpeechFile(text)).toBeUndefined();
    }
  });

  it('never throws and always answers a speech that opens, whatever the input', () => {
    const valid = serializeSpeechFile(speech());
    const check = (text: string) => {
      const result = salvageSpeechFile(text);
      if (result) expect(() => parseSpeechFile(serializeSpeechFile(result.file))).not.toThrow();
    };
    fc.assert(fc.property(fc.oneof(fc.string(), fc.json(), fc.string({ unit: 'binary' })), check), { numRuns: 300 });
    fc.assert(
      fc.property(
        fc.nat({ max: valid.length }),
        fc.nat({ max: 60 }),
        fc.string({ unit: 'binary', maxLength: 20 }),
        (at, cut, insert) => {
          check(valid.slice(0, at) + insert + valid.slice(at + cut));
        },
      ),
      { numRuns: 300 },
    );
    fc.assert(
      fc.property(fc.jsonValue(), (block) => {
        check(JSON.stringify({ ...speech(), doc: { type: 'doc', content: [block, ...speech().doc.content!] } }));
      }),
      { numRuns: 300 },
    );
  });

  it('reads any prefix of a valid file as the blocks before the cut, unchanged', () => {
    const text = serializeSpeechFile(speech());
    const all = texts(speech());
    let salvaged = 0;
    for (let at = text.indexOf('"content"'); at < text.length - 1; at += 3) {
      const result = salvageSpeechFile(text.slice(0, at));
      if (!result) continue;
      salvaged++;
      expect(result.report.truncated).toBe(true);
      expect(all.slice(0, result.report.kept)).toEqual(texts(result.file));
    }
    expect(salvaged).toBeGreaterThan(50);
  });
});
