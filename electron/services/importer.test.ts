import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { faultyFileSystem } from './fault-fs';
import { IMPORT_FILTERS, ImportService } from './importer';
import { tempDirEach } from './test-dir';
import type { Dialogs } from './types';

const temp = tempDirEach('lectern-import-');

/** Dialogs that answer `answer` and record what they were asked. */
function dialogs(answer: string | undefined): Dialogs & { asked: Array<{ title: string; filters: unknown }> } {
  const asked: Array<{ title: string; filters: unknown }> = [];
  return {
    asked,
    showOpen: async (_w, options) => {
      asked.push(options);
      return answer;
    },
    showSave: async () => undefined,
  };
}

describe('ImportService', () => {
  it('offers .docx, .txt, .md and .html in the dialog, and answers canceled when the user cancels', async () => {
    const asked = dialogs(undefined);
    const service = new ImportService({ fs: faultyFileSystem({}), dialogs: asked });
    expect(await service.pick(1)).toEqual({ status: 'canceled' });
    expect(asked.asked[0]!.filters).toEqual(IMPORT_FILTERS);
    expect(IMPORT_FILTERS[0]!.extensions).toEqual(expect.arrayContaining(['docx', 'txt', 'md', 'html']));
  });

  it('reads the chosen file by name only, never writing to it', async () => {
    const file = path.join(temp.path, '讲话.txt');
    await writeFile(file, '同志们：\n一、统一思想');
    const fs = faultyFileSystem({});
    const result = await new ImportService({ fs, dialogs: dialogs(file) }).pick(1);
    expect(result).toEqual({ status: 'read', name: '讲话.txt', kind: 'text', content: '同志们：\n一、统一思想' });
    expect(fs.ops).toEqual(['read 讲话.txt']);
  });

  it('refuses a file over 50 MB by its size, before reading it', async () => {
    const fs = faultyFileSystem({});
    const big = { ...fs, stat: async () => ({ size: 50 * 1024 * 1024 + 1, mode: 0o100644, mtimeMs: 0 }) };
    const result = await new ImportService({ fs: big, dialogs: dialogs(path.join(temp.path, 'big.docx')) }).pick(1);
    expect(result).toMatchObject({ status: 'failed', error: { code: 'import-too-large', fileName: 'big.docx' } });
    expect(fs.ops).toEqual([]);
  });

  it('answers failed with the import code or the errno code, naming the file but not its folder', async () => {
    const bad = path.join(temp.path, 'bad.docx');
    await writeFile(bad, 'not a zip');
    expect(await new ImportService({ fs: faultyFileSystem({}), dialogs: dialogs(bad) }).pick(1)).toMatchObject({
      status: 'failed',
      error: { code: 'import-not-docx', fileName: 'bad.docx' },
    });
    const gone = await new ImportService({
      fs: faultyFileSystem({}),
      dialogs: dialogs(path.join(temp.path, 'gone.txt')),
    }).pick(1);
    expect(gone).toMatchObject({ status: 'failed', error: { code: 'not-found', fileName: 'gone.txt' } });
    expect(JSON.stringify(gone)).not.toContain(temp.path);
  });

  it('reads a dropped file from its bytes, keeping only the base name of what the page sent', async () => {
    const service = new ImportService({ fs: faultyFileSystem({}), dialogs: dialogs(undefined) });
    const data = Buffer.from('# 标题\n\n## 一、统一思想').toString('base64');
    expect(await service.readDropped('C:\\Users\\x\\稿.md', data)).toEqual({
      status: 'read',
      name: '稿.md',
      kind: 'markdown',
      content: '# 标题\n\n## 一、统一思想',
    });
    expect(await service.readDropped('../x.exe', 'AAAA')).toMatchObject({
      status: 'failed',
      error: { code: 'import-unsupported', fileName: 'x.exe' },
    });
  });
});
