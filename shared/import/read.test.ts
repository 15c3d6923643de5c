import { describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import { Document, HeadingLevel, ImageRun, Packer, Paragraph } from 'docx';
import { sampleDocJSON } from '../../e2e/sample-speech';
import { docFromJSON, type NodeJSON } from '../document/file-format';
import { buildOutline, flattenOutline } from '../document/outline';
import { exportDocx } from '../export/docx';
import { exportMarkdown } from '../export/text';
import { PROFILES } from '../export/profiles';
import { ImportError, importSource } from './index';
import { MAX_UNPACKED_BYTES, MAX_XML_DEPTH, decodeText, readImportBytes } from './read';
import { seeded, withPart, xmlDamage, zipHeaderDamage, zipTruncations } from './mutations';
import { fileErrorStrings } from '../i18n/file-errors';
import { importRefusal } from './test-refusal';

const outline = (json: NodeJSON) =>
  flattenOutline(buildOutline(docFromJSON(json)).entries).map((e) => `${e.level}:${e.label}${e.text}`);
const texts = (json: NodeJSON) =>
  (json.content ?? []).map((block) => `${block.type}:${(block.content ?? []).map((c) => c.text ?? '\n').join('')}`);

const refused = (bytes: Uint8Array, name: string) => importRefusal(readImportBytes(bytes, name));

describe('DOCX', () => {
  it('round-trips the sample speech through our own export: same outline, blocks and text', async () => {
    const sample = sampleDocJSON() as NodeJSON;
    const bytes = await exportDocx(docFromJSON(sample), PROFILES.gbt9704);
    const source = await readImportBytes(bytes, 'push-meeting.docx');
    expect(source.kind).toBe('html');
    const imported = importSource(source).file.doc;
    expect(outline(imported)).toEqual(outline(sample));
    expect(texts(imported)).toEqual(texts(sample));
  });

  it('brings a long title back as the user wrote it: the break the layout put in the DOCX stays out', async () => {
    const long = '在全市深化数字化政府建设暨优化营商环境工作会议上的讲话';
    const titled = (content: NodeJSON[]): NodeJSON => ({
      type: 'doc',
      content: [
        { type: 'title', content },
        { type: 'paragraph', content: [{ type: 'text', text: '同志们：' }] },
      ],
    });
    const titleOf = async (json: NodeJSON) => {
      const bytes = await exportDocx(docFromJSON(json), PROFILES.gbt9704);
      return importSource(await readImportBytes(bytes, 't.docx')).file.doc.content![0]!;
    };
    // The export does break this title (two lines in the DOCX), and the import leaves that break out.
    const bytes = await exportDocx(docFromJSON(titled([{ type: 'text', text: long }])), PROFILES.gbt9704);
    const xml = await (await JSZip.loadAsync(bytes)).file('word/document.xml')!.async('string');
    expect(xml.match(/<w:br\/>/g)).toHaveLength(1);
    expect(await titleOf(titled([{ type: 'text', text: long }]))).toEqual({
      type: 'title',
      content: [{ type: 'text', text: long }],
    });
    // A reviewer who types at the start of the title's second line in Word types into the break's run (Word carries
    // the formatting of the character before the caret): those words come in, only the break stays out.
    const typed = await JSZip.loadAsync(bytes);
    typed.file('word/document.xml', xml.replace('<w:br/>', '<w:br/><w:t>（修改）</w:t>'));
    const retyped = new Uint8Array(await typed.generateAsync({ type: 'uint8array' }));
    const title = importSource(await readImportBytes(retyped, 't.docx')).file.doc.content![0]!;
    expect(title.content?.map((piece) => piece.text).join('')).toMatch(/^在全市深化.*（修改）.*讲话$/);
  });

  it('reads Word heading styles as levels, without typed numbers, and Word title style as the title', async () => {
    const doc = new Document({
      sections: [
        {
          children: [
            new Paragraph({ text: '在全市工作会议上的讲话', heading: HeadingLevel.TITLE }),
            new Paragraph({ text: '同志们：' }),
            new Paragraph({ text: '统一思想', heading: HeadingLevel.HEADING_1 }),
            new Paragraph({ text: '正文一。' }),
            new Paragraph({ text: '明确目标', heading: HeadingLevel.HEADING_2 }),
            new Paragraph({ text: '压实责任', heading: HeadingLevel.HEADING_1 }),
          ],
        },
      ],
    });
    const bytes = new Uint8Array(await Packer.toBuffer(doc));
    const imported = importSource(await readImportBytes(bytes, 'a.docx')).file.doc;
    expect(imported.content?.map((b) => [b.type, b.attrs?.level ?? null])).toEqual([
      ['title', null],
      ['salutation', null],
      ['paragraph', 1],
      ['paragraph', 0],
      ['paragraph', 2],
      ['paragraph', 1],
    ]);
    expect(outline(imported)).toEqual(['1:一、统一思想', '2:（一）明确目标', '1:二、压实责任']);
  });

  it('leaves pictures out: their bytes are neither read into the text nor sent on', async () => {
    // A 1×1 PNG, repeated to make a picture of about 2 MB.
    const png = Buffer.from(
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
      'base64',
    );
    const picture = Buffer.concat([png, Buffer.alloc(2 * 1024 * 1024)]);
    const doc = new Document({
      sections: [
        {
          children: [
            new Paragraph({ text: '讲话' }),
            new Paragraph({
              children: [new ImageRun({ type: 'png', data: picture, transformation: { width: 10, height: 10 } })],
            }),
            new Paragraph({ text: '正文。' }),
          ],
        },
      ],
    });
    const source = await readImportBytes(new Uint8Array(await Packer.toBuffer(doc)), 'pic.docx');
    expect(source.content.length).toBeLessThan(10_000);
    expect(source.content).not.toContain('base64');
    expect(importSource(source).file.doc.content?.map((b) => b.content?.[0]?.text)).toEqual(['讲话', '正文。']);
  });

  it('refuses what is not a Word document: not a zip, a zip without document.xml, a zip bomb', async () => {
    expect((await refused(new TextEncoder().encode('not a zip'), 'bad.docx')).code).toBe('not-docx');
    const zip = new JSZip();
    zip.file('hello.txt', 'hi');
    expect((await refused(await zip.generateAsync({ type: 'uint8array' }), 'x.docx')).code).toBe('not-word');
    // A part that declares more than the limit unpacked; it compresses to almost nothing.
    const bomb = new JSZip();
    bomb.file('word/document.xml', new Uint8Array(MAX_UNPACKED_BYTES + 1024));
    const bombBytes = await bomb.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
    expect(bombBytes.byteLength).toBeLessThan(1024 * 1024);
    const error = await refused(bombBytes, 'bomb.docx');
    expect(error.code).toBe('zip-bomb');
    expect(error.message).toBe('bomb.docx：文档解压后过大，可能已损坏或有害。');
  });
});

describe('DOCX whose directory lies', () => {
  it('is refused as a zip bomb by what it really inflates to, not by the sizes it declares', async () => {
    const zip = new JSZip();
    zip.file('word/document.xml', new Uint8Array(MAX_UNPACKED_BYTES + 1024));
    const bytes = await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
    // Declare 1,000 bytes unpacked in the local header (offset 22) and the central directory (offset 24).
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    let patched = 0;
    for (let i = 0; i + 4 <= bytes.byteLength; i++) {
      const signature = view.getUint32(i, true);
      const sizeAt = signature === 0x04034b50 ? i + 22 : signature === 0x02014b50 ? i + 24 : undefined;
      if (sizeAt === undefined) continue;
      view.setUint32(sizeAt, 1000, true);
      patched++;
    }
    expect(patched).toBeGreaterThanOrEqual(2);
    const error = await refused(bytes, 'liar.docx');
    expect(error.code).toBe('zip-bomb');
    expect(error.detail).toContain('more than its directory declares');
  });
});

describe('text files', () => {
  it('decodes UTF-8 with and without a BOM, UTF-16 with a BOM and GB18030', () => {
    const text = '同志们：\n一、统一思想';
    expect(decodeText(new TextEncoder().encode(text), 'a.txt')).toBe(text);
    expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text)]), 'a.txt')).toBe(text);
    const utf16 = new Uint8Array(2 + text.length * 2);
    utf16.set([0xff, 0xfe]);
    for (let i = 0; i < text.length; i++) new DataView(utf16.buffer).setUint16(2 + i * 2, text.charCodeAt(i), true);
    expect(decodeText(utf16, 'a.txt')).toBe(text);
    // 同志们： in GBK.
    const gbk = new Uint8Array([0xcd, 0xac, 0xd6, 0xbe, 0xc3, 0xc7, 0xa3, 0xba]);
    expect(decodeText(gbk, 'a.txt')).toBe('同志们：');
  });

  it('refuses binary, empty, oversized and unknown files with their codes and the file name', async () => {
    expect((await refused(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x00, 0x01, 0x02]), 'x.txt')).code).toBe('not-text');
    expect((await refused(new Uint8Array(), 'e.txt')).message).toBe('e.txt：文件是空的。');
    expect((await refused(new Uint8Array(50 * 1024 * 1024 + 1), 'big.txt')).code).toBe('too-large');
    expect((await refused(new TextEncoder().encode('%PDF'), 'a.pdf')).code).toBe('unsupported');
    expect((await refused(new TextEncoder().encode('x'), 'old.doc')).code).toBe('unsupported');
  });

  it('reads Markdown headings as levels (our Markdown export round-trips)', async () => {
    const sample = sampleDocJSON() as NodeJSON;
    const markdown = exportMarkdown(docFromJSON(sample));
    const imported = importSource(await readImportBytes(new TextEncoder().encode(markdown), 'a.md')).file.doc;
    expect(outline(imported)).toEqual(outline(sample));
  });
});

describe('Markdown headings', () => {
  it('keep a # that is part of the text', () => {
    const doc = importSource({ kind: 'markdown', content: '# 讲话\n\n## 学习C#\n\n正文。' }).file.doc;
    expect(doc.content?.[1]?.content?.[0]?.text).toBe('学习C#');
  });
});

describe('DOCX damaged on the way (issue 21)', () => {
  const ours = () => exportDocx(docFromJSON(sampleDocJSON() as NodeJSON), PROFILES.gbt9704);

  it('refuses wrong sizes, a wrong CRC, damaged data and a cut-off archive as damaged, JSZip’s words in the detail', async () => {
    const docx = await ours();
    const mutants = [...zipHeaderDamage(docx, 'word/document.xml', seeded(7)), ...zipTruncations(docx)];
    const codes = new Map<string, string>();
    for (const { mutation, bytes } of mutants) {
      const error = await readImportBytes(bytes, 'd.docx').then(
        () => undefined,
        (e: unknown) => e,
      );
      // Some damage leaves the file readable (a compressed size too large still inflates whole).
      if (!error) continue;
      expect(error, mutation).toBeInstanceOf(ImportError);
      codes.set(mutation, (error as ImportError).code);
      expect((error as ImportError).message, mutation).toBe(
        `d.docx：${fileErrorStrings['zh-CN'][`import-${(error as ImportError).code}`]}`,
      );
    }
    // Even a file cut after its first byte is a damaged Word document, not some other kind of file.
    expect(new Set(codes.values())).toEqual(new Set(['damaged']));
    expect(codes.size).toBeGreaterThan(mutants.length / 2);
    for (const mutation of [
      'uncompressed size one more',
      'uncompressed size 0',
      'CRC wrong',
      'compressed data damaged',
    ]) {
      expect(codes.get(`word/document.xml: ${mutation}`), mutation).toBe('damaged');
    }
    const mismatch = await refused(mutants[0]!.bytes, 'd.docx');
    expect(mismatch.detail).toMatch(/^word\/document\.xml: inflates to \d+ bytes, its directory declares \d+$/);
  });

  it('refuses cut XML, an entity bomb and nesting past MAX_XML_DEPTH as a damaged structure, parser’s text in the detail', async () => {
    const docx = await ours();
    const xml = await (await JSZip.loadAsync(docx)).file('word/document.xml')!.async('string');
    const cut = await refused(await withPart(docx, 'word/document.xml', xml.slice(0, xml.length >> 1)), 'cut.docx');
    expect([cut.code, cut.message]).toEqual(['bad-structure', 'cut.docx：文档结构有误，无法读取。']);
    expect(cut.detail).toContain('xmldom');
    for (const { mutation, text } of xmlDamage(xml, seeded(1)).filter((m) => /entity bomb|deep/.test(m.mutation))) {
      const started = Date.now();
      expect((await refused(await withPart(docx, 'word/document.xml', text), 'x.docx')).code, mutation).toBe(
        'bad-structure',
      );
      expect(Date.now() - started, mutation).toBeLessThan(5000);
    }
    const [open, close] = ['<w:tbl><w:tr><w:tc>', '</w:tc></w:tr></w:tbl>'];
    const cell = '<w:p><w:r><w:t>深处</w:t></w:r></w:p>';
    const nested = (depth: number) =>
      xml.replace('<w:body>', `<w:body>${open.repeat(depth)}${cell}${close.repeat(depth)}`);
    // document > body > (tbl > tr > tc)×n > p > r > t: 3n + 5 levels.
    const deepest = Math.floor((MAX_XML_DEPTH - 5) / 3);
    expect(
      (await readImportBytes(await withPart(docx, 'word/document.xml', nested(deepest)), 'ok.docx')).content,
    ).toContain('深处');
    const refusal = await refused(await withPart(docx, 'word/document.xml', nested(deepest + 1)), 'deep.docx');
    expect(refusal.code).toBe('bad-structure');
    expect(refusal.detail).toBe(`word/document.xml: elements nested deeper than ${MAX_XML_DEPTH} levels`);
  });

  it('reads what survives and throws nothing but ImportError, whatever a library throws', async () => {
    const docx = await ours();
    for (const { mutation, bytes } of [
      ...zipHeaderDamage(docx, '[Content_Types].xml', seeded(3)),
      ...zipTruncations(docx),
    ]) {
      const outcome = await readImportBytes(bytes, 'x.docx').catch((e: unknown) => e);
      if (!(outcome instanceof ImportError)) expect(outcome, mutation).toMatchObject({ kind: 'html' });
    }
  });
});
