import { readFile, readdir, truncate, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import {
  MAX_SPEECH_FILE_BYTES,
  emptySpeechFile,
  parseSpeechFile,
  serializeSpeechFile,
  type SpeechFile,
} from '../../shared/document/file-format';
import { docOf } from '../../shared/document/test-docs';
import { DocumentService, SPEECH_FILTERS, UNTITLED_FILE, sanitizeName } from './documents';
import { faultyFileSystem, type Faults, type FaultyFileSystem } from './fault-fs';
import { RecentFiles } from './recent';
import type { Dialogs } from './types';
import { tempDirEach } from './test-dir';

const NOW = new Date('2026-03-01T08:30:00.000Z');
const temp = tempDirEach('lectern-documents-');
let answers: Array<string | undefined>;
let asked: Array<{ kind: 'open' | 'save'; title: string; defaultName?: string; filters: unknown }>;
let fs: FaultyFileSystem;

function service(faults: Faults = {}): DocumentService {
  fs = faultyFileSystem(faults);
  const dialogs: Dialogs = {
    showOpen: async (_id, options) => (asked.push({ kind: 'open', ...options }), answers.shift()),
    showSave: async (_id, options) => (asked.push({ kind: 'save', ...options }), answers.shift()),
  };
  return new DocumentService({
    fs,
    dialogs,
    recent: new RecentFiles(path.join(temp.path, 'user', 'recent.json'), fs),
    now: () => NOW,
  });
}

const speech = (title?: string): SpeechFile => ({
  ...emptySpeechFile(),
  meta: title ? { title } : {},
  doc: docOf(['title', '讲话'], [1, '统一思想'], [0, '正文']).toJSON(),
});
/** Every operation that could change `name` on disk. */
const writesTo = (name: string) =>
  fs.ops.filter(
    (op) =>
      (op.startsWith('open ') && op.includes(name) && !op.endsWith(' r')) ||
      (op.startsWith('rename ') && op.endsWith(` ${name}`)) ||
      op === `unlink ${name}`,
  );

beforeEach(() => {
  answers = [];
  asked = [];
});

describe('opening', () => {
  it('asks for a 讲稿文件 (*.speech) and answers the document with an opaque id and the file name', async () => {
    const documents = service();
    const file = path.join(temp.path, '讲话.speech');
    await writeFile(file, serializeSpeechFile(speech('讲话')));
    answers.push(file);
    const result = await documents.open(1);
    expect(asked).toEqual([{ kind: 'open', title: '打开讲稿', filters: SPEECH_FILTERS }]);
    expect(SPEECH_FILTERS).toEqual([{ name: '讲稿文件 (*.speech)', extensions: ['speech'] }]);
    expect(result).toMatchObject({ status: 'opened', name: '讲话.speech', file: { meta: { title: '讲话' } } });
    const docId = result.status === 'opened' ? result.docId : '';
    expect(docId).not.toContain(temp.path);
    expect(documents.pathOf(docId)).toBe(file);
    expect(writesTo('讲话.speech')).toEqual([]);
  });

  it('refuses every kind of broken file with its code and name, and never writes to it', async () => {
    const cases: Array<[string, string]> = [
      ['not-json', '{"format":"lectern.speech",'],
      ['not-speech', '{"hello":"world"}'],
      [
        'newer-version',
        JSON.stringify({
          ...JSON.parse(serializeSpeechFile(speech())),
          version: 99,
          doc: { type: 'doc', content: [{ type: 'newer-block' }] },
        }),
      ],
      ['invalid-envelope', '{"format":"lectern.speech","version":1,"meta":{}}'],
      [
        'invalid-content',
        serializeSpeechFile({
          ...speech(),
          doc: { type: 'doc', content: [{ type: 'paragraph', attrs: { level: 7 } }] },
        }),
      ],
    ];
    for (const [code, content] of cases) {
      const documents = service();
      const file = path.join(temp.path, `${code}.speech`);
      await writeFile(file, content);
      answers.push(file);
      expect(await documents.open(1)).toMatchObject({ status: 'failed', error: { code, fileName: `${code}.speech` } });
      expect(await readFile(file, 'utf8')).toBe(content);
      expect(writesTo(`${code}.speech`)).toEqual([]);
    }
  });

  it('refuses a file over the size limit from its size, before reading any of it', async () => {
    const documents = service();
    const file = path.join(temp.path, '巨大.speech');
    await writeFile(file, '');
    await truncate(file, MAX_SPEECH_FILE_BYTES + 1);
    answers.push(file);
    expect(await documents.open(1)).toMatchObject({
      status: 'failed',
      error: { code: 'too-large', fileName: '巨大.speech' },
    });
    expect(fs.ops.filter((op) => op.startsWith('read '))).not.toContain('read 巨大.speech');
  });

  it('reports a file that is gone as not-found, without its path', async () => {
    const result = await service().openPath(path.join(temp.path, '不在.speech'));
    expect(result).toMatchObject({ status: 'failed', error: { code: 'not-found', fileName: '不在.speech' } });
    expect(result.status === 'failed' && result.error.message).not.toContain(temp.path);
  });

  it('answers the same id when the same file is opened again', async () => {
    const documents = service();
    const file = path.join(temp.path, '讲话.speech');
    await writeFile(file, serializeSpeechFile(speech()));
    const first = await documents.openPath(file);
    const second = await documents.openPath(file);
    expect(first.status === 'opened' && second.status === 'opened' && second.docId === first.docId).toBe(true);
  });
});

describe('saving', () => {
  it('asks where for an untitled document, suggesting its title, and stamps modifiedAt', async () => {
    const documents = service();
    const { docId } = documents.newDocument();
    answers.push(path.join(temp.path, '关于加强工作'));
    expect(await documents.save(1, docId, speech('关于/加强:工作?'))).toEqual({
      status: 'saved',
      docId,
      name: '关于加强工作.speech',
    });
    expect(asked).toEqual([
      { kind: 'save', title: '保存讲稿', defaultName: '关于加强工作.speech', filters: SPEECH_FILTERS },
    ]);
    const onDisk = parseSpeechFile(await readFile(path.join(temp.path, '关于加强工作.speech'), 'utf8')).file;
    expect(onDisk.meta.modifiedAt).toBe(NOW.toISOString());
    expect(documents.pathOf(docId)).toBe(path.join(temp.path, '关于加强工作.speech'));
  });

  it(`suggests ${UNTITLED_FILE} for a document without a title, and its own name once it has a file`, async () => {
    const documents = service();
    const { docId } = documents.newDocument();
    answers.push(path.join(temp.path, 'a.SPEECH'));
    expect(await documents.saveAs(1, docId, speech('  ..  '))).toMatchObject({ status: 'saved', name: 'a.SPEECH' });
    answers.push(undefined);
    expect(await documents.saveAs(1, docId, speech('新标题'))).toEqual({ status: 'canceled' });
    expect(asked.map((a) => a.defaultName)).toEqual([UNTITLED_FILE, 'a.SPEECH']);
  });

  it('reports a locked file, a full disk and a read-only folder by code, without the path, and keeps the old file and its place', async () => {
    for (const [faults, code, errno] of [
      [{ renameError: { code: 'EBUSY', times: Infinity } }, 'locked', 'EBUSY'],
      [{ enospcMidWrite: true }, 'disk-full', 'ENOSPC'],
      [{ openError: 'EROFS' }, 'read-only', 'EROFS'],
      [{ renameError: { code: 'EXDEV', times: 1 } }, 'io', 'EXDEV'],
    ] as const) {
      const documents = service();
      const file = path.join(temp.path, '原稿.speech');
      await writeFile(file, serializeSpeechFile(speech('原稿')));
      const opened = await documents.openPath(file);
      const docId = opened.status === 'opened' ? opened.docId : '';
      // Fail the next save only: swap in the fault after opening.
      const faulty = faultyFileSystem(faults);
      Object.assign(fs, { open: faulty.open, rename: faulty.rename });
      const result = await documents.save(1, docId, speech('改稿'));
      expect(result).toMatchObject({ status: 'failed', error: { code, fileName: '原稿.speech' } });
      const message = result.status === 'failed' ? result.error.message : '';
      expect(message).toContain(errno);
      expect(message).toContain('not changed');
      expect(message).not.toContain(temp.path);
      expect(parseSpeechFile(await readFile(file, 'utf8')).file.meta.title).toBe('原稿');
      expect((await readdir(temp.path)).filter((name) => name.endsWith('.tmp'))).toEqual([]);
      expect(documents.pathOf(docId)).toBe(file);
    }
  });

  it('never writes a document that would not open again', async () => {
    const documents = service();
    const { docId } = documents.newDocument();
    answers.push(path.join(temp.path, 'x.speech'));
    const bad = { ...speech(), doc: { type: 'doc', content: [{ type: 'no-such-node' }] } };
    expect(await documents.save(1, docId, bad)).toMatchObject({ status: 'failed', error: { code: 'invalid-content' } });
    expect(writesTo('x.speech')).toEqual([]);
    expect(documents.pathOf(docId)).toBeUndefined();
  });

  it('answers a failure for a document it does not know', async () => {
    expect(await service().save(1, 'nope', speech())).toMatchObject({ status: 'failed', error: { code: 'unknown' } });
  });

  it('forgets a closed document', async () => {
    const documents = service();
    const { docId } = documents.newDocument();
    documents.close(docId);
    expect(await documents.save(1, docId, speech())).toMatchObject({ status: 'failed', error: { code: 'unknown' } });
  });
});

describe('saves, reloads and checks of one document, one after another', () => {
  /**
   * A document service whose file system renames for real but answers only when the test
   * releases it: a save is then held between its atomic rename and remembering what it wrote.
   */
  function heldAfterRename(): { documents: DocumentService; held: Array<() => void>; hold: { next: number } } {
    const documents = service();
    const held: Array<() => void> = [];
    const hold = { next: 0 };
    const rename = fs.rename.bind(fs);
    fs.rename = async (from: string, to: string) => {
      await rename(from, to);
      if (hold.next > 0) {
        hold.next--;
        await new Promise<void>((resolve) => held.push(resolve));
      }
    };
    return { documents, held, hold };
  }

  async function opened(documents: DocumentService, name: string): Promise<string> {
    const file = path.join(temp.path, name);
    await writeFile(file, serializeSpeechFile(speech('原稿')));
    const result = await documents.openPath(file);
    if (result.status !== 'opened') throw new Error(`not opened: ${result.status}`);
    return result.docId;
  }

  it('answers unchanged to a check that arrives while a save is between its rename and remembering what it wrote', async () => {
    const { documents, held, hold } = heldAfterRename();
    const docId = await opened(documents, '讲话.speech');
    hold.next = 1;
    const saving = documents.save(1, docId, speech('我刚保存的'));
    await vi.waitFor(() => expect(held).toHaveLength(1));
    // Our own file is on disk now; what it was is still remembered. The renderer polls meanwhile.
    expect(parseSpeechFile(await readFile(path.join(temp.path, '讲话.speech'), 'utf8')).file.meta.title).toBe(
      '我刚保存的',
    );
    const checking = documents.checkExternal(docId);
    const reloading = documents.reload(docId);
    held.shift()!();
    expect(await saving).toMatchObject({ status: 'saved' });
    expect(await checking).toBe('unchanged');
    expect(await reloading).toMatchObject({ status: 'opened', file: { meta: { title: '我刚保存的' } } });
    expect(await documents.checkExternal(docId)).toBe('unchanged');
  });

  it("never answers conflict to a save that overlaps another (Ctrl+S during an autosave): the second is checked against the first one's file", async () => {
    const { documents, held, hold } = heldAfterRename();
    const docId = await opened(documents, '讲话.speech');
    hold.next = 1;
    const autosave = documents.save(1, docId, speech('自动保存'));
    await vi.waitFor(() => expect(held).toHaveLength(1));
    const manual = documents.save(1, docId, speech('手动保存'));
    const third = documents.save(1, docId, speech('再保存'));
    held.shift()!();
    expect(await autosave).toMatchObject({ status: 'saved' });
    expect(await manual).toMatchObject({ status: 'saved' });
    expect(await third).toMatchObject({ status: 'saved' });
    expect(parseSpeechFile(await readFile(path.join(temp.path, '讲话.speech'), 'utf8')).file.meta.title).toBe('再保存');
    expect(await documents.checkExternal(docId)).toBe('unchanged');
  });

  it('still answers conflict to a save when someone else changed the file, and goes on after a failed save', async () => {
    const documents = service({ renameError: { code: 'EBUSY', times: Infinity } });
    const file = path.join(temp.path, '共享.speech');
    await writeFile(file, serializeSpeechFile(speech('原稿')));
    const result = await documents.openPath(file);
    const docId = result.status === 'opened' ? result.docId : '';
    const failing = documents.save(1, docId, speech('我的'));
    const checking = documents.checkExternal(docId);
    expect(await failing).toMatchObject({ status: 'failed', error: { code: 'locked' } });
    expect(await checking).toBe('unchanged');
    await writeFile(file, serializeSpeechFile(speech('同事的')));
    expect(await documents.save(1, docId, speech('我的'))).toMatchObject({ status: 'conflict' });
  });
});

describe('sanitizeName', () => {
  it('removes what Windows, macOS or Linux refuse in a file name', () => {
    expect(sanitizeName('a\\b/c:d*e?f"g<h>i|j\u0001k')).toBe('abcdefghijk');
    expect(sanitizeName(' .讲话. ')).toBe('讲话');
    expect(sanitizeName('长'.repeat(200))).toHaveLength(80);
    expect(sanitizeName(undefined)).toBe('');
  });
});
