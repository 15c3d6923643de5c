/**
 * A file's bytes → what the importer reads: plain text, Markdown or HTML. DOCX goes through
 * mammoth with a style map that keeps what Word's styles say (headings, title; our own export's
 * byline and salutation) as HTML the HTML reader understands. Text files may be UTF-8 (with or
 * without a BOM), UTF-16 with a BOM (Notepad's "Unicode") or GB18030/GBK, which many Chinese
 * offices still save. Node only (main process and CLI): the renderer gets the result over IPC.
 */
import { reviewMarks } from './review';
import { hasReview, type ReviewMarks } from './review-marks';
import type JSZip from 'jszip';
import { ImportError, MAX_IMPORT_BYTES } from './errors';
import type { ImportSource } from './index';
import { LAYOUT_BREAK_CLASS } from './html';

/** DOCX files whose parts declare more than this unpacked are refused as zip bombs. */
export const MAX_UNPACKED_BYTES = 200 * 1024 * 1024;

/** The extensions File → Import offers, without dots. */
export const IMPORT_EXTENSIONS = ['docx', 'txt', 'md', 'markdown', 'html', 'htm'] as const;

/** Word styles → HTML the importer reads; before mammoth's own defaults (Heading 1 → h1…). */
export const DOCX_STYLE_MAP = [
  "p[style-name='Title'] => p.title:fresh",
  "p[style-name='title'] => p.title:fresh",
  "p[style-name='标题'] => p.title:fresh",
  "p[style-name='Byline'] => p.byline:fresh",
  "p[style-name='Salutation'] => p.salutation:fresh",
  "p[style-name='Closing'] => p.closing:fresh",
  // A break our own export's layout put in the title (shared/export/docx.ts LAYOUT_BREAK_STYLE), not the user's:
  // the HTML reader leaves the break out and keeps any text typed into that run in Word.
  `r[style-name='Lectern Layout Break'] => span.${LAYOUT_BREAK_CLASS}`,
  ...[1, 2, 3, 4, 5, 6].map((n) => `p[style-name='标题 ${n}'] => h${n}:fresh`),
];

function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot >= 0 ? name.slice(dot + 1).toLowerCase() : '';
}

/** Decodes a text file: BOMs first, then strict UTF-8, then GB18030; binary is refused. */
export function decodeText(bytes: Uint8Array, name: string): string {
  let text: string | undefined;
  if (bytes[0] === 0xff && bytes[1] === 0xfe) text = new TextDecoder('utf-16le').decode(bytes.subarray(2));
  else if (bytes[0] === 0xfe && bytes[1] === 0xff) text = new TextDecoder('utf-16be').decode(bytes.subarray(2));
  else {
    try {
      text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
    } catch {
      try {
        text = new TextDecoder('gb18030', { fatal: true }).decode(bytes);
      } catch {
        text = undefined;
      }
    }
  }
  // Control characters other than tab, newline, carriage return and form feed mean a binary file.
  // eslint-disable-next-line no-control-regex -- finding control characters is the point
  if (text === undefined || /[\u0000-\u0008\u000e-\u001a\u001c-\u001f]/.test(text)) {
    throw new ImportError('not-text', `not a text file (not UTF-8, UTF-16 or GB18030 text)`, name);
  }
  return text;
}

/** XML parts of a DOCX nested deeper than this are refused before mammoth (which recurses) reads them. */
export const MAX_XML_DEPTH = 512;

/** What JSZip keeps of each part as its central directory and local header declare it. */
interface CompressedPart {
  compressedSize: number;
  uncompressedSize: number;
  crc32: number;
  compression?: { magic?: string };
  compressedContent?: Uint8Array;
}

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

/** The zip CRC-32 of `bytes`, continuing from `crc` (the running value, not yet inverted). */
function crc32Update(crc: number, bytes: Uint8Array): number {
  let c = crc;
  for (let i = 0; i < bytes.length; i++) c = CRC_TABLE[(c ^ bytes[i]!) & 0xff]! ^ (c >>> 8);
  return c;
}

/**
 * Tracks how deep the elements of an XML text nest, fed its bytes chunk by chunk: `<`, `/`, `>`
 * and quotes are single bytes in UTF-8, so nothing is decoded. Comments, declarations and
 * processing instructions count as no element; the measure only has to be an upper bound.
 */
class XmlDepth {
  private depth = 0;
  /** 0 text, 1 just after `<`, 2 in an open tag, 3 in a close tag or `<!…>`/`<?…>`. */
  private state = 0;
  private quote = 0;
  private slash = false;
  deepest = 0;
  feed(bytes: Uint8Array): void {
    for (let i = 0; i < bytes.length; i++) {
      const b = bytes[i]!;
      if (this.state === 0) {
        if (b === 0x3c) this.state = 1;
      } else if (this.state === 1) {
        if (b === 0x2f) {
          this.depth = Math.max(0, this.depth - 1);
          this.state = 3;
        } else if (b === 0x21 || b === 0x3f) this.state = 3;
        else {
          this.state = 2;
          this.slash = false;
        }
      } else if (this.state === 2) {
        if (this.quote) {
          if (b === this.quote) this.quote = 0;
        } else if (b === 0x22 || b === 0x27) this.quote = b;
        else if (b === 0x3e) {
          if (!this.slash) this.deepest = Math.max(this.deepest, ++this.depth);
          this.state = 0;
        } else if (b !== 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d) this.slash = b === 0x2f;
      } else if (b === 0x3e) this.state = 0;
    }
  }
}

/** The reader's own words for a thrown value, for an ImportError's detail. */
function thrownText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Inflates every part of `zip` once, as a stream, keeping nothing: checks that each inflates
 * without error to the size and CRC its directory declares, that all of them together stay within
 * MAX_UNPACKED_BYTES (the declared sizes can lie), and that no XML part nests deeper than
 * MAX_XML_DEPTH. JSZip makes the same size check while mammoth reads, but throws it from inside its
 * inflate stream where no caller can catch it (issue 21); the platform's DecompressionStream
 * rejects like any promise.
 */
async function checkParts(zip: JSZip, name: string): Promise<void> {
  let total = 0;
  for (const entry of Object.values(zip.files)) {
    if (entry.dir) continue;
    // JSZip keeps each part's compressed bytes and declared sizes on _data; it has no public accessor.
    const part = (entry as unknown as { _data?: CompressedPart })._data;
    const content = part?.compressedContent;
    if (!part || !(content instanceof Uint8Array))
      throw new ImportError('damaged', `${entry.name}: no compressed data`, name);
    const magic = part.compression?.magic;
    const source = slices(content);
    const stream = magic === '\x08\x00' ? source.pipeThrough(new DecompressionStream('deflate-raw')) : source;
    const depth = /\.(xml|rels)$/i.test(entry.name) ? new XmlDepth() : undefined;
    const reader = stream.getReader();
    let size = 0;
    let crc = 0xffffffff;
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        size += value.byteLength;
        if (total + size > MAX_UNPACKED_BYTES) {
          await reader.cancel();
          const limit = `${MAX_UNPACKED_BYTES / 1024 / 1024} MB`;
          throw new ImportError('zip-bomb', `unpacks to more than ${limit} (more than its directory declares)`, name);
        }
        crc = crc32Update(crc, value);
        depth?.feed(value);
        if (depth && depth.deepest > MAX_XML_DEPTH) {
          await reader.cancel();
          throw new ImportError(
            'bad-structure',
            `${entry.name}: elements nested deeper than ${MAX_XML_DEPTH} levels`,
            name,
          );
        }
      }
    } catch (error) {
      if (error instanceof ImportError) throw error;
      throw new ImportError('damaged', `${entry.name}: the compressed data is corrupt (${thrownText(error)})`, name);
    }
    if (size !== part.uncompressedSize) {
      throw new ImportError(
        'damaged',
        `${entry.name}: inflates to ${size} bytes, its directory declares ${part.uncompressedSize}`,
        name,
      );
    }
    if ((crc ^ 0xffffffff) >>> 0 !== part.crc32 >>> 0)
      throw new ImportError('damaged', `${entry.name}: CRC-32 mismatch`, name);
    total += size;
  }
}

/** `bytes` as a stream of 64 kB slices, handed out as the reader asks for them. */
function slices(bytes: Uint8Array): ReadableStream<Uint8Array<ArrayBuffer>> {
  let offset = 0;
  return new ReadableStream({
    pull(controller) {
      if (offset >= bytes.byteLength) controller.close();
      else controller.enqueue(bytes.slice(offset, (offset += 64 * 1024)));
    },
  });
}

/**
 * A zip archive starts with a local file header (PK\x03\x04, or what is left of it when cut short);
 * bytes that do not are no DOCX at all.
 */
function looksLikeZip(bytes: Uint8Array): boolean {
  return [0x50, 0x4b, 0x03, 0x04].every((b, i) => i >= bytes.length || bytes[i] === b);
}

async function docxHtml(bytes: Uint8Array, name: string): Promise<{ html: string; review: ReviewMarks }> {
  const JSZip = (await import('jszip')).default;
  let zip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch (error) {
    // A zip cut off or damaged is a damaged file; anything else was never a Word document.
    if (looksLikeZip(bytes))
      throw new ImportError('damaged', `the zip archive is damaged (${thrownText(error)})`, name);
    throw new ImportError('not-docx', `not a zip archive (${thrownText(error)})`, name);
  }
  // A zip bomb is refused before anything is unpacked, by the sizes the archive's central
  // directory declares (JSZip keeps them on each entry's _data; it has no public accessor).
  let unpacked = 0;
  zip.forEach((_p, entry) => {
    unpacked += (entry as unknown as { _data?: { uncompressedSize?: number } })._data?.uncompressedSize ?? 0;
  });
  if (unpacked > MAX_UNPACKED_BYTES)
    throw new ImportError('zip-bomb', `unpacks to more than ${MAX_UNPACKED_BYTES / 1024 / 1024} MB`, name);
  if (!zip.file('word/document.xml'))
    throw new ImportError('not-word', `not a Word document (no word/document.xml)`, name);
  // Sizes, CRCs and nesting are checked before mammoth inflates the parts into memory for real.
  await checkParts(zip, name);
  // What mammoth takes in without a word (every change accepted, every comment dropped), counted for the report.
  const review = reviewMarks(
    await zip.file('word/document.xml')!.async('string'),
    await zip.file('word/comments.xml')?.async('string'),
  );
  const mammoth = await import('mammoth');
  try {
    const { value } = await mammoth.convertToHtml(
      // mammoth hands `buffer` to JSZip, which reads any Uint8Array: no Node Buffer (shared/ has none).
      { buffer: bytes } as Parameters<typeof mammoth.convertToHtml>[0],
      {
        styleMap: DOCX_STYLE_MAP,
        includeDefaultStyleMap: true,
        // A speech is text: pictures are neither read nor inlined as base64 (a photo-heavy report
        // would otherwise make the HTML, and the message to the window, tens of megabytes).
        convertImage: mammoth.images.imgElement(async () => ({ src: '' })),
      },
    );
    return { html: value, review };
  } catch (error) {
    // Cut or malformed XML, an entity it does not know: the XML parser's text is the detail only.
    throw new ImportError('bad-structure', `the Word document could not be read (${thrownText(error)})`, name);
  }
}

/**
 * What a file's bytes hold, ready for `importSource`. Throws ImportError, and nothing else, for
 * anything unreadable: whatever a library throws on a damaged file becomes the importer's own
 * refusal with the library's text as its detail.
 */
export async function readImportBytes(bytes: Uint8Array, name: string): Promise<ImportSource> {
  try {
    return await readBytes(bytes, name);
  } catch (error) {
    if (error instanceof ImportError) throw error;
    throw new ImportError('unreadable', `the file could not be read (${thrownText(error)})`, name);
  }
}

async function readBytes(bytes: Uint8Array, name: string): Promise<ImportSource> {
  if (bytes.byteLength > MAX_IMPORT_BYTES)
    throw new ImportError('too-large', `larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB`, name);
  if (bytes.byteLength === 0) throw new ImportError('empty', `the file is empty`, name);
  const ext = extensionOf(name);
  switch (ext) {
    case 'docx': {
      const { html, review } = await docxHtml(bytes, name);
      return { kind: 'html', content: html, ...(hasReview(review) ? { review } : {}) };
    }
    case 'html':
    case 'htm':
      return { kind: 'html', content: decodeText(bytes, name) };
    case 'md':
    case 'markdown':
      return { kind: 'markdown', content: decodeText(bytes, name) };
    case 'txt':
      return { kind: 'text', content: decodeText(bytes, name) };
    default:
      throw new ImportError('unsupported', `import reads .docx, .txt, .md and .html files`, name);
  }
}
