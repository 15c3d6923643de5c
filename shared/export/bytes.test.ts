import { describe, expect, it } from 'vitest';
import { docOf } from '../document/test-docs';
import { exportBytes, exportMeta } from './bytes';
import { printHtml } from './print-html';
import { PROFILES } from './profiles';
import { exportMarkdown, exportText } from './text';

const doc = docOf(['title', '在全市XX工作推进会上的讲话'], ['salutation', '同志们：'], [1, '统一思想'], [0, '正文。']);
const meta = { title: '推进会讲话' };
const noPdf = async (): Promise<Uint8Array> => {
  throw new Error('no PDF was asked for');
};

describe('exportBytes', () => {
  it('makes DOCX bytes (a zip) for docx', async () => {
    const bytes = (await exportBytes(doc, 'docx', PROFILES.gbt9704, { meta, renderPdf: noPdf })) as Uint8Array;
    expect([...bytes.subarray(0, 2)]).toEqual([0x50, 0x4b]);
  });

  it('prints the profile’s print HTML, titled by the speech, for pdf', async () => {
    const printed: string[] = [];
    const pdf = new Uint8Array([0x25, 0x50, 0x44, 0x46]);
    const renderPdf = async (html: string) => (printed.push(html), pdf);
    expect(await exportBytes(doc, 'pdf', PROFILES.large, { meta, renderPdf })).toBe(pdf);
    expect(printed).toEqual([printHtml(doc, PROFILES.large, '推进会讲话')]);
  });

  it('gives the Markdown and the plain text exporters’ text for md and txt', async () => {
    expect(await exportBytes(doc, 'md', PROFILES.gbt9704, { meta, renderPdf: noPdf })).toBe(exportMarkdown(doc));
    expect(await exportBytes(doc, 'txt', PROFILES.gbt9704, { meta, renderPdf: noPdf })).toBe(exportText(doc));
  });
});

describe('exportMeta', () => {
  it('keeps only the title, speaker and date the speech has', () => {
    expect(exportMeta({ title: '讲话', speaker: '', createdAt: '2026-01-01T00:00:00.000Z' })).toEqual({
      title: '讲话',
    });
  });
});
