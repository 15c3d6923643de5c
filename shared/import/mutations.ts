/**
 * Test support for the fuzz suite (fuzz.test.ts, issue 21): ways to damage a valid file the way
 * files arrive damaged — bytes flipped, cut off at every kind of boundary, a zip's declared sizes
 * and CRCs wrong, its XML cut or malformed, entity bombs, nesting thousands deep. Every mutation is
 * a pure function of its input and a seeded random source, so a failing case can be replayed from
 * its name and seed. Not used by the app.
 */
import JSZip from 'jszip';

/** A seeded pseudo-random source (mulberry32): `next()` in [0, 1), `int(n)` in [0, n). */
export interface Random {
  next(): number;
  int(n: number): number;
}

/** A seeded random source; the same seed gives the same sequence. */
export function seeded(seed: number): Random {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, int: (n) => Math.floor(next() * n) };
}

/** One damaged file: what was done to it, and its bytes. */
export interface Mutant {
  mutation: string;
  bytes: Uint8Array;
}

/** `bytes` with about `density` of its bytes (at least one) replaced by random ones. */
export function flipBytes(bytes: Uint8Array, density: number, random: Random): Uint8Array {
  const out = bytes.slice();
  const count = Math.max(1, Math.round(bytes.length * density));
  for (let i = 0; i < count && out.length; i++) out[random.int(out.length)] = random.int(256);
  return out;
}

/** A part of a zip as its central directory describes it, with the offsets a mutation needs. */
export interface ZipPart {
  name: string;
  /** Offset of the part's central directory record. */
  central: number;
  /** Offset of its local header. */
  local: number;
  /** Offset of its compressed data. */
  data: number;
  compressedSize: number;
}

/** The parts of a zip and where its central directory starts; throws on bytes that are no zip. */
export function zipLayout(bytes: Uint8Array): { parts: ZipPart[]; directory: number; end: number } {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let end = bytes.length - 22;
  while (end >= 0 && view.getUint32(end, true) !== 0x06054b50) end--;
  if (end < 0) throw new Error('no end of central directory');
  const count = view.getUint16(end + 10, true);
  const directory = view.getUint32(end + 16, true);
  const parts: ZipPart[] = [];
  let at = directory;
  for (let i = 0; i < count; i++) {
    const nameLength = view.getUint16(at + 28, true);
    const name = new TextDecoder().decode(bytes.subarray(at + 46, at + 46 + nameLength));
    const local = view.getUint32(at + 42, true);
    const data = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
    parts.push({ name, central: at, local, data, compressedSize: view.getUint32(at + 20, true) });
    at += 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return { parts, directory, end };
}

function withUint32(bytes: Uint8Array, offset: number, change: (value: number) => number): Uint8Array {
  const out = bytes.slice();
  const view = new DataView(out.buffer, out.byteOffset, out.byteLength);
  view.setUint32(offset, change(view.getUint32(offset, true)) >>> 0, true);
  return out;
}

/**
 * A zip cut off at every kind of boundary: inside and right after each local header, in the middle
 * of each part's data, at the central directory and inside the end record.
 */
export function zipTruncations(bytes: Uint8Array): Mutant[] {
  const { parts, directory, end } = zipLayout(bytes);
  const cuts = new Map<number, string>([
    [1, 'first byte'],
    [directory, 'before the central directory'],
    [directory + 23, 'inside the central directory'],
    [end, 'before the end record'],
    [end + 10, 'inside the end record'],
    [bytes.length - 1, 'last byte'],
  ]);
  for (const part of parts) {
    cuts.set(part.local + 10, `inside the local header of ${part.name}`);
    cuts.set(part.data, `after the local header of ${part.name}`);
    cuts.set(part.data + Math.floor(part.compressedSize / 2), `in the data of ${part.name}`);
  }
  return cutsOf(bytes, cuts);
}

/** The cuts of `bytes` at each offset of `cuts` (offset → where it is) inside the file. */
function cutsOf(bytes: Uint8Array, cuts: Map<number, string>): Mutant[] {
  const inside = [...cuts].filter(([at]) => at > 0 && at < bytes.length);
  return inside.map(([at, where]) => ({ mutation: `cut ${where}`, bytes: bytes.slice(0, at) }));
}

/** The zip with one part's declared sizes or CRC wrong, or its compressed data damaged. */
export function zipHeaderDamage(bytes: Uint8Array, partName: string, random: Random): Mutant[] {
  const part = zipLayout(bytes).parts.find((p) => p.name === partName);
  if (!part) throw new Error(`no part ${partName}`);
  const both = (bytes2: Uint8Array, centralField: number, localField: number, change: (v: number) => number) =>
    withUint32(withUint32(bytes2, part.central + centralField, change), part.local + localField, change);
  const data = bytes.slice();
  for (let i = 0; i < 4; i++) {
    const at = part.data + random.int(Math.max(1, part.compressedSize));
    data[at] = (data[at] ?? 0) ^ (1 + random.int(255));
  }
  return [
    { mutation: `${partName}: uncompressed size one more`, bytes: both(bytes, 24, 22, (v) => v + 1) },
    { mutation: `${partName}: uncompressed size one less`, bytes: both(bytes, 24, 22, (v) => v - 1) },
    { mutation: `${partName}: uncompressed size 0`, bytes: both(bytes, 24, 22, () => 0) },
    { mutation: `${partName}: uncompressed size 4 GB`, bytes: both(bytes, 24, 22, () => 0xffffffff) },
    { mutation: `${partName}: compressed size smaller`, bytes: both(bytes, 20, 18, (v) => Math.max(0, v - 7)) },
    { mutation: `${partName}: compressed size larger`, bytes: both(bytes, 20, 18, (v) => v + 7) },
    { mutation: `${partName}: CRC wrong`, bytes: both(bytes, 16, 14, (v) => v ^ 0x5a5a) },
    { mutation: `${partName}: compressed data damaged`, bytes: data },
  ];
}

/** The DOCX with `part` replaced by `text` (stored as a zip would be), or removed when undefined. */
export async function withPart(docx: Uint8Array, part: string, text: string | undefined): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(docx);
  if (text === undefined) zip.remove(part);
  else zip.file(part, text);
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

/** Ways to break an XML part: cut, malformed tags and attributes, repeated, an entity bomb, nested deep. */
export function xmlDamage(xml: string, random: Random): Array<{ mutation: string; text: string }> {
  const paragraph = /<w:p[ >][\s\S]*?<\/w:p>/.exec(xml)?.[0] ?? '<w:p><w:r><w:t>段落</w:t></w:r></w:p>';
  const bodyAt = xml.indexOf('<w:body>') + '<w:body>'.length;
  const insert = (text: string) => xml.slice(0, bodyAt) + text + xml.slice(bodyAt);
  const cutAt = 1 + random.int(xml.length - 1);
  // a is ten lols; each b…b is ten of the one before: &bbbbbbbbb; is 10^10 lols.
  const entity = (i: number) => `<!ENTITY ${'b'.repeat(i + 1)} "${`&${i ? 'b'.repeat(i) : 'a'};`.repeat(10)}">`;
  const lol = `<!ENTITY a "${'lol'.repeat(10)}">${Array.from({ length: 9 }, (_, i) => entity(i)).join('')}`;
  const tables = (depth: number) =>
    insert(`${'<w:tbl><w:tr><w:tc>'.repeat(depth)}<w:p/>${'</w:tc></w:tr></w:tbl>'.repeat(depth)}`);
  const inBody = (text: string) => rest.replace('<w:body>', `<w:body><w:p><w:r><w:t>${text}</w:t></w:r></w:p>`);
  const prolog = xml.startsWith('<?xml') ? xml.slice(0, xml.indexOf('?>') + 2) : '';
  const rest = xml.slice(prolog.length);
  return [
    { mutation: `cut at ${cutAt} of ${xml.length}`, text: xml.slice(0, cutAt) },
    { mutation: 'cut inside the first tag', text: xml.slice(0, xml.indexOf('<', prolog.length + 1) + 3) },
    { mutation: 'unclosed attribute quote', text: xml.replace(/w:val="([^"]*)"/, 'w:val="$1') },
    { mutation: 'attribute without a value', text: insert('<w:p w:rsidR><w:r><w:t>x</w:t></w:r></w:p>') },
    { mutation: 'duplicate attribute', text: insert('<w:p w:a="1" w:a="2"><w:r><w:t>x</w:t></w:r></w:p>') },
    { mutation: 'mismatched end tag', text: insert('<w:p><w:r><w:t>x</w:r></w:t></w:p>') },
    { mutation: 'stray end tags', text: insert('</w:r></w:p></w:body>') },
    { mutation: 'second root element', text: `${xml}<w:document/>` },
    { mutation: 'undeclared prefix', text: insert('<zz:p><zz:r>x</zz:r></zz:p>') },
    { mutation: 'control character in text', text: insert('<w:p><w:r><w:t>\u0001\u0000</w:t></w:r></w:p>') },
    { mutation: 'a paragraph repeated 3,000 times', text: insert(paragraph.repeat(3000)) },
    {
      mutation: 'entity bomb (billion laughs)',
      text: `${prolog}<!DOCTYPE w:document [${lol}]>${inBody('&bbbbbbbbb;')}`,
    },
    {
      mutation: 'external entity',
      text: `${prolog}<!DOCTYPE w:document [<!ENTITY x SYSTEM "file:///etc/passwd">]>${inBody('&x;')}`,
    },
    { mutation: 'tables nested 5,000 deep', text: tables(5000) },
    {
      mutation: 'runs nested 100,000 deep',
      text: insert(`<w:p>${'<w:r>'.repeat(100_000)}${'</w:r>'.repeat(100_000)}</w:p>`),
    },
    { mutation: 'not XML at all', text: 'PK\u0003\u0004 hello' },
    { mutation: 'empty part', text: '' },
  ];
}

/**
 * A text file cut off at every kind of boundary: after its first byte, inside a BOM, inside a
 * multi-byte character (UTF-8, GB18030 or UTF-16), between a carriage return and its line feed,
 * halfway and before its last byte.
 */
export function textTruncations(bytes: Uint8Array): Mutant[] {
  const cuts = new Map<number, string>([
    [1, 'after the first byte'],
    [bytes.length >> 1, 'halfway'],
    [bytes.length - 1, 'before the last byte'],
  ]);
  const lead = bytes.findIndex((b, i) => i > 3 && b >= 0x80);
  if (lead > 0) cuts.set(lead + 1, 'inside a multi-byte character');
  const crlf = bytes.findIndex((b, i) => b === 0x0d && bytes[i + 1] === 0x0a);
  if (crlf >= 0) cuts.set(crlf + 1, 'between CR and LF');
  if (bytes[0] === 0xef || bytes[0] === 0xff || bytes[0] === 0xfe) cuts.set(2, 'inside the BOM');
  return cutsOf(bytes, cuts);
}

/** Ways to break an HTML page: cut, broken attributes, repeated, entity soup, nesting thousands deep. */
export function htmlDamage(html: string, random: Random): Array<{ mutation: string; text: string }> {
  const cutAt = 1 + random.int(Math.max(1, html.length - 1));
  return [
    { mutation: `cut at ${cutAt}`, text: html.slice(0, cutAt) },
    { mutation: 'broken attributes', text: html.replace(/<p/g, '<p class="title style=\'mso-outline-level:') },
    { mutation: 'a paragraph repeated 20,000 times', text: html + '<p>一、重复的段落。</p>'.repeat(20_000) },
    {
      mutation: 'entity soup',
      text: `<!DOCTYPE html [<!ENTITY a "aaaa">]>${html}${'&a;&amp;&#xFFFFFF;&#0;&bogus'.repeat(2000)}`,
    },
    {
      mutation: 'tables nested 5,000 deep',
      text: `${'<table><tr><td>'.repeat(5000)}深${'</td></tr></table>'.repeat(5000)}${html}`,
    },
    { mutation: 'divs nested 100,000 deep', text: `${'<div>'.repeat(100_000)}深${html}` },
    { mutation: 'unclosed comment and script', text: `${html.slice(0, html.length >> 1)}<!-- <script>` },
  ];
}

/** Ways to break a JSON file: cut, nested deep, fields of the wrong type, a key removed. */
export function jsonDamage(text: string, random: Random): Array<{ mutation: string; text: string }> {
  const cutAt = 1 + random.int(Math.max(1, text.length - 1));
  const json = JSON.parse(text) as Record<string, unknown>;
  const keys = Object.keys(json);
  const key = keys[random.int(keys.length)]!;
  const values: unknown[] = [null, 0, -1, 1e308, '', 'x'.repeat(10_000), [], {}, true, [[[[]]]]];
  const { [key]: _removed, ...without } = json;
  const deepDoc = `${'{"type":"doc","content":['.repeat(2000)}${']}'.repeat(2000)}`;
  return [
    { mutation: `cut at ${cutAt}`, text: text.slice(0, cutAt) },
    { mutation: 'nested 100,000 deep', text: `${'['.repeat(100_000)}${']'.repeat(100_000)}` },
    { mutation: `"${key}" removed`, text: JSON.stringify(without) },
    {
      mutation: `"${key}" of the wrong type`,
      text: JSON.stringify({ ...json, [key]: values[random.int(values.length)] }),
    },
    {
      mutation: 'doc nested 2,000 deep',
      text: JSON.stringify({ ...json, doc: 0 }).replace('"doc":0', `"doc":${deepDoc}`),
    },
    { mutation: 'plain text', text: '在全市工作会议上的讲话\n同志们：\n一、统一思想\n' },
  ];
}
