import { mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { beforeEach, describe, expect, it } from 'vitest';
import { AtomicWriteError, RENAME_RETRY_DELAYS, writeFileAtomic } from './atomic-write';
import { faultyFileSystem } from './fault-fs';

let dir: string;
let target: string;
const ORIGINAL = '{"format":"lectern.speech","原稿":"一字不能丢"}\n';
const NEW = `{"format":"lectern.speech","新稿":"${'改'.repeat(10_000)}"}\n`;
const noWait = async () => {};

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'lectern-atomic-'));
  target = path.join(dir, '讲话.speech');
  await writeFile(target, ORIGINAL);
});

const original = async () => readFile(target, 'utf8');
const leftovers = async () => (await readdir(dir)).filter((name) => name !== '讲话.speech');

describe('writeFileAtomic', () => {
  it('replaces the file with the new content and leaves nothing beside it', async () => {
    await writeFileAtomic(target, NEW);
    expect(await original()).toBe(NEW);
    expect(await leftovers()).toEqual([]);
  });

  it('fsyncs the new content before the rename makes it the file, then fsyncs the folder', async () => {
    const fs = faultyFileSystem({});
    await writeFileAtomic(target, NEW, { fs });
    const temp = fs.ops[0]!.split(' ')[1]!;
    expect(temp).toMatch(/^\.讲话\.speech\.[0-9a-f]{12}\.tmp$/);
    expect(fs.ops).toEqual([
      `open ${temp} wx`,
      `write ${temp}`,
      `sync ${temp}`,
      `close ${temp}`,
      `rename ${temp} 讲话.speech`,
      `open ${path.basename(dir)} r`,
      `sync ${path.basename(dir)}`,
      `close ${path.basename(dir)}`,
    ]);
  });

  it('saves where the folder cannot be fsynced (EISDIR and EPERM on Windows)', async () => {
    for (const code of ['EISDIR', 'EPERM']) {
      const fs = faultyFileSystem({ folderSyncError: code });
      await writeFileAtomic(target, `${code}${NEW}`, { fs });
      expect(await original()).toBe(`${code}${NEW}`);
      expect(fs.ops).toContain(`open ${path.basename(dir)} r`);
    }
  });

  it('creates a file that did not exist', async () => {
    const fresh = path.join(dir, '新.speech');
    await writeFileAtomic(fresh, NEW);
    expect(await readFile(fresh, 'utf8')).toBe(NEW);
  });

  it('leaves the original byte-identical when the rename fails as if the process died there', async () => {
    const fs = faultyFileSystem({ renameError: { code: 'EIO', times: Infinity } });
    await expect(writeFileAtomic(target, NEW, { fs, sleep: noWait })).rejects.toBeInstanceOf(AtomicWriteError);
    expect(await original()).toBe(ORIGINAL);
    expect(await leftovers()).toEqual([]);
  });

  it('retries EPERM from the first renames (antivirus) and then succeeds', async () => {
    const fs = faultyFileSystem({ renameError: { code: 'EPERM', times: 3 } });
    const waits: number[] = [];
    await writeFileAtomic(target, NEW, { fs, sleep: async (ms) => void waits.push(ms) });
    expect(fs.renames).toBe(4);
    expect(waits).toEqual(RENAME_RETRY_DELAYS.slice(0, 3));
    expect(await original()).toBe(NEW);
  });

  it('gives up on EPERM that lasts, with the original byte-identical and the temporary file removed', async () => {
    const fs = faultyFileSystem({ renameError: { code: 'EPERM', times: Infinity } });
    const error = await writeFileAtomic(target, NEW, { fs, sleep: noWait }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AtomicWriteError);
    expect((error as AtomicWriteError).code).toBe('EPERM');
    expect(fs.renames).toBe(RENAME_RETRY_DELAYS.length + 1);
    expect(await original()).toBe(ORIGINAL);
    expect(await leftovers()).toEqual([]);
  });

  it('retries EBUSY too, but not ENOENT', async () => {
    const busy = faultyFileSystem({ renameError: { code: 'EBUSY', times: 1 } });
    await writeFileAtomic(target, NEW, { fs: busy, sleep: noWait });
    expect(busy.renames).toBe(2);
    const gone = faultyFileSystem({ renameError: { code: 'ENOENT', times: Infinity } });
    await expect(writeFileAtomic(target, ORIGINAL, { fs: gone, sleep: noWait })).rejects.toMatchObject({
      code: 'ENOENT',
    });
    expect(gone.renames).toBe(1);
  });

  it('leaves the original byte-identical when the disk fills up mid-write', async () => {
    const fs = faultyFileSystem({ enospcMidWrite: true });
    await expect(writeFileAtomic(target, NEW, { fs })).rejects.toMatchObject({ code: 'ENOSPC' });
    expect(await original()).toBe(ORIGINAL);
    expect(await leftovers()).toEqual([]);
  });

  it('reports a read-only folder clearly', async () => {
    const fs = faultyFileSystem({ openError: 'EROFS' });
    const error = (await writeFileAtomic(target, NEW, { fs }).catch((e: unknown) => e)) as AtomicWriteError;
    expect(error.code).toBe('EROFS');
    expect(error.message).toMatch(/EROFS while writing the new content of .*讲话\.speech/);
    expect(await original()).toBe(ORIGINAL);
  });

  it('survives a real SIGKILL between write and rename: the original stays byte-identical', async () => {
    const script = `
      import { writeFileAtomic } from ${JSON.stringify(path.resolve('electron/services/atomic-write.ts'))};
      import { faultyFileSystem } from ${JSON.stringify(path.resolve('electron/services/fault-fs.ts'))};
      const fs = faultyFileSystem({ renameHangs: true });
      const base = fs.rename;
      fs.rename = (from, to) => { process.stdout.write('WRITTEN\\n'); return base(from, to); };
      await writeFileAtomic(process.env.LECTERN_TARGET, ${JSON.stringify(NEW)}, { fs });
    `;
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      stdio: ['ignore', 'pipe', 'inherit'],
      env: { ...process.env, LECTERN_TARGET: target },
    });
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => {
        if (chunk.toString().includes('WRITTEN')) {
          child.kill('SIGKILL');
          resolve();
        }
      });
      child.on('exit', (code) => reject(new Error(`child exited (${code}) before it wrote`)));
    });
    await new Promise((resolve) => child.on('close', resolve));
    expect(child.signalCode).toBe('SIGKILL');
    expect(await original()).toBe(ORIGINAL);
    // What the crash left is the hidden temporary file, never a file that could be taken for the speech.
    const left = await leftovers();
    expect(left).toHaveLength(1);
    expect(left[0]).toMatch(/^\.讲话\.speech\.[0-9a-f]+\.tmp$/);
    expect(await readFile(path.join(dir, left[0]!), 'utf8')).toBe(NEW);
  }, 30_000);
});
