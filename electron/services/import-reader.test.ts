import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Document, HeadingLevel, Packer, Paragraph } from 'docx';
import JSZip from 'jszip';
import { importRefusal } from '../../shared/import/test-refusal';
import { workerImportReader } from './import-reader';
import { buildImportWorker } from './test-import-worker';

// The worker as the web host ships it (scripts/build-node.mjs builds the same entry the same way).
let dir: string;
let script: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'lectern-import-worker-'));
  script = await buildImportWorker(dir);
}, 60_000);
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('workerImportReader', () => {
  it('reads a DOCX on its own thread, heading styles included', async () => {
    const doc = new Document({
      sections: [
        {
          children: [
            new Paragraph({ text: '讲话', heading: HeadingLevel.TITLE }),
            new Paragraph({ text: '统一思想', heading: HeadingLevel.HEADING_1 }),
          ],
        },
      ],
    });
    const source = await workerImportReader(script)(new Uint8Array(await Packer.toBuffer(doc)), 'a.docx');
    expect(source.kind).toBe('html');
    expect(source.content).toContain('<h1>统一思想</h1>');
  });

  it('passes the importer’s own refusals on, with their codes and the file name', async () => {
    const error = await importRefusal(workerImportReader(script)(new TextEncoder().encode('not a zip'), 'bad.docx'));
    expect(error.code).toBe('not-docx');
    expect(error.message).toBe('bad.docx：不是 Word 文档（.docx）。');
    expect(error.detail).toContain('not a zip archive');
  });

  it('ends a reader that runs out of its memory, and the caller goes on', async () => {
    // A Word document of 300,000 short paragraphs (a few hundred kB zipped): mammoth builds an
    // object for every one of them, far more than a worker allowed 16 MB of heap can hold.
    const zip = await JSZip.loadAsync(
      await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph({ text: '讲话' })] }] })),
    );
    const xml = await zip.file('word/document.xml')!.async('string');
    const paragraphs = '<w:p><w:r><w:t>字</w:t></w:r></w:p>'.repeat(300_000);
    zip.file('word/document.xml', xml.replace(/<w:body>/, `<w:body>${paragraphs}`));
    const bytes = await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
    const error = await importRefusal(workerImportReader(script, { maxHeapMb: 16 })(bytes, 'huge.docx'));
    expect(error.code).toBe('unreadable');
    expect(error.message).toBe('huge.docx：无法读取此文件。');
    expect(error.detail).toBe('reading it needed more memory than an import may use');
    // The same reader still works afterwards.
    expect((await workerImportReader(script)(new TextEncoder().encode('同志们：'), 'a.txt')).content).toBe('同志们：');
  }, 30_000);

  it('ends a reader that takes too long', async () => {
    const error = await importRefusal(
      workerImportReader(script, { timeoutMs: 1 })(new TextEncoder().encode('同志们：'), 'slow.txt'),
    );
    expect(error.detail).toContain('took longer than');
  });
});
