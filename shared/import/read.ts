/**
 * A file's bytes → what the importer reads: plain text, Markdown or HTML. DOCX goes through
 * mammoth with a style map that keeps what Word's styles say (headings, title; our own export's
 * byline and salutation) as HTML the HTML reader understands. Text files may be UTF-8 (with or
 * without a BOM), UTF-16 with a BOM (Notepad's "Unicode") or GB18030/GBK, which many Chinese
 * offices still save. Node only (main process and CLI): the renderer gets the result over IPC.
 */
import type JSZip from 'jszip';
import { ImportError, MAX_IMPORT_BYTES } from './errors';
import type { ImportSource } from './index';

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


/**
 * The bytes all parts of `zip` really inflate to, counted chunk by chunk as they stream; stops
 * (answering more than `limit`) as soon as the count passes `limit`, so memory stays small.
 */
interface InflateStream {
  on(event: 'data', listener: (chunk: Uint8Array) => void): InflateStream;
  on(event: 'error', listener: (error: Error) => void): InflateStream;
  on(event: 'end', listener: () => void): InflateStream;
  resume(): InflateStream;
  pause(): InflateStream;
}

async function inflatedSize(zip: JSZip, limit: number): Promise<number> {
  let total = 0;
  for (const entry of Object.values(zip.files)) {
    if (entry.dir) continue;
    await new Promise<void>((resolve, reject) => {
      // JSZip's typings leave out internalStream, its documented streaming reader.
      const stream = (entry as unknown as { internalStream(type: 'uint8array'): InflateStream }).internalStream('uint8array');
      stream
        .on('data', (chunk: Uint8Array) => {
          total += chunk.byteLength;
          if (total > limit) {
            stream.pause();
            resolve();
          }
        })
        .on('error', reject)
        .on('end', () => resolve())
        .resume();
    });
    if (total > limit) break;
  }
  return total;
}

async function docxHtml(bytes: Uint8Array, name: string): Promise<string> {
  const JSZip = (await import('jszip')).default;
  let zip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch {
    throw new ImportError('not-docx', `not a valid DOCX file (not a zip archive)`, name);
  }
  // A zip bomb is refused before anything is unpacked, by the sizes the archive's central
  // directory declares (JSZip keeps them on each entry's _data; it has no public accessor).
  let unpacked = 0;
  zip.forEach((_p, entry) => {
    unpacked += (entry as unknown as { _data?: { uncompressedSize?: number } })._data?.uncompressedSize ?? 0;
  });
  if (unpacked > MAX_UNPACKED_BYTES) throw new ImportError('zip-bomb', `unpacks to more than ${MAX_UNPACKED_BYTES / 1024 / 1024} MB`, name);
  if (!zip.file('word/document.xml')) throw new ImportError('not-word', `not a Word document (no word/document.xml)`, name);
  // The declared sizes can lie: inflate every part once, counting and keeping nothing, and stop at
  // the limit, before mammoth inflates them into memory for real.
  if ((await inflatedSize(zip, MAX_UNPACKED_BYTES)) > MAX_UNPACKED_BYTES) {
    throw new ImportError('zip-bomb', `unpacks to more than ${MAX_UNPACKED_BYTES / 1024 / 1024} MB (more than its directory declares)`, name);
  }
  const mammoth = await import('mammoth');
  try {
    const { value } = await mammoth.convertToHtml(
      { buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) },
      {
        styleMap: DOCX_STYLE_MAP,
        includeDefaultStyleMap: true,
        // A speech is text: pictures are neither read nor inlined as base64 (a photo-heavy report
        // would otherwise make the HTML, and the message to the window, tens of megabytes).
        convertImage: mammoth.images.imgElement(async () => ({ src: '' })),
      },
    );
    return value;
  } catch (error) {
    throw new ImportError('not-word', `the Word document could not be read (${error instanceof Error ? error.message : String(error)})`, name);
  }
}

/** What a file's bytes hold, ready for `importSource`; throws ImportError for anything unreadable. */
export async function readImportBytes(bytes: Uint8Array, name: string): Promise<ImportSource> {
  if (bytes.byteLength > MAX_IMPORT_BYTES) throw new ImportError('too-large', `larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB`, name);
  if (bytes.byteLength === 0) throw new ImportError('empty', `the file is empty`, name);
  const ext = extensionOf(name);
  switch (ext) {
    case 'docx':
      return { kind: 'html', content: await docxHtml(bytes, name) };
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
