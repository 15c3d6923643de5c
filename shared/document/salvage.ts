/**
 * Salvage of a damaged `.speech` file: what can still be read from a file `parseSpeechFile`
 * refuses (cut short by a crash or a bad copy, edited by hand, written by a newer version, or
 * hostile). Blocks that validate on their own are kept as they are; a block that does not but
 * still carries text becomes a plain body paragraph of that text; anything else is lost and
 * counted. The result is always a valid current-version speech, meant to be opened as a new
 * untitled document so the damaged file itself is never overwritten.
 *
 * Nothing here throws for any input and nothing touches a disk.
 */
import {
  SPEECH_FORMAT,
  SPEECH_VERSION,
  docFromJSON,
  emptySpeechFile,
  placeholderStateSchema,
  speechMetaSchema,
  type NodeJSON,
  type SpeechFile,
} from './file-format';

/** What a salvage kept, repaired and lost, for the message the user sees. */
export interface SalvageReport {
  /** Blocks kept exactly as they were. */
  kept: number;
  /** Blocks that were invalid but whose text was kept as a plain body paragraph. */
  repaired: number;
  /** Blocks that were dropped (no usable text). */
  lost: number;
  /** Whether the file was cut short: its end was missing and the rest was read up to the cut. */
  truncated: boolean;
  /** Properties (title, speaker, …) that were invalid and dropped, by name. */
  droppedMeta: string[];
}

/** A salvaged speech and what happened to get it. */
export interface Salvage {
  file: SpeechFile;
  report: SalvageReport;
}

/** At most this many blocks are looked at: a speech has a few thousand at most. */
const MAX_BLOCKS = 100_000;
/** At most this many cut points are tried when repairing a file cut short. */
const MAX_REPAIR_ATTEMPTS = 64;
/** Text nested deeper than this inside a broken block is not looked for. */
const MAX_TEXT_DEPTH = 8;

/**
 * Reads what it can of a damaged speech file. Answers undefined when nothing of a speech is left
 * (not JSON even after repair, not an object, no `format: "lectern.speech"`, or no block with
 * any text), otherwise the salvaged speech and the report. Never throws.
 */
export function salvageSpeechFile(text: string): Salvage | undefined {
  try {
    return salvage(text);
  } catch {
    return undefined;
  }
}

function salvage(input: string): Salvage | undefined {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  let truncated = false;
  let partial = false;
  let raw = tryJson(text);
  if (raw === undefined) {
    const repaired = repairTruncated(text);
    if (!repaired) return undefined;
    ({ value: raw, partial } = repaired);
    truncated = true;
  }
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return undefined;
  const object = raw as Record<string, unknown>;
  if (object.format !== SPEECH_FORMAT) return undefined;

  const droppedMeta: string[] = [];
  const meta: Record<string, unknown> = {};
  if (isRecord(object.meta)) {
    for (const [key, field] of Object.entries(speechMetaSchema.shape)) {
      if (!Object.hasOwn(object.meta, key)) continue;
      const value = field.safeParse(object.meta[key]);
      if (value.success && value.data !== undefined) meta[key] = value.data;
      else droppedMeta.push(key);
    }
  }
  const placeholders = placeholderStateSchema.safeParse(object.placeholders);

  const doc = isRecord(object.doc) ? object.doc : undefined;
  const blocks = doc && Array.isArray(doc.content) ? doc.content.slice(0, MAX_BLOCKS) : [];
  const content: NodeJSON[] = [];
  let kept = 0;
  let repaired = 0;
  // A block cut in half by the truncation is counted lost.
  let lost = partial ? 1 : 0;
  for (const block of blocks) {
    if (validBlock(block)) {
      content.push(block as NodeJSON);
      kept++;
      continue;
    }
    const plain = textOf(block, 0).replace(/\n+$/, '');
    const paragraph = plain ? plainParagraph(block, plain) : undefined;
    if (paragraph) {
      content.push(paragraph);
      repaired++;
    } else {
      lost++;
    }
  }
  if (content.length === 0) return undefined;
  const file: SpeechFile = {
    format: SPEECH_FORMAT,
    version: SPEECH_VERSION,
    meta: { ...emptySpeechFile().meta, ...(meta as SpeechFile['meta']) },
    placeholders: placeholders.success ? placeholders.data : { values: {}, ignored: [] },
    doc: { type: 'doc', content },
  };
  // Whatever was pieced together, the whole must validate; blocks that validated one by one do.
  docFromJSON(file.doc);
  return { file, report: { kept, repaired, lost, truncated, droppedMeta } };
}

function tryJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Whether one block validates as the only block of a document. */
function validBlock(block: unknown): boolean {
  if (!isRecord(block)) return false;
  try {
    docFromJSON({ type: 'doc', content: [block as unknown as NodeJSON] });
    return true;
  } catch {
    return false;
  }
}

/** The text strings inside a broken block, in order, hard breaks as newlines. */
function textOf(node: unknown, depth: number): string {
  if (depth > MAX_TEXT_DEPTH || !isRecord(node)) return '';
  if (node.type === 'hardBreak') return '\n';
  let text = typeof node.text === 'string' ? node.text : '';
  if (Array.isArray(node.content)) for (const child of node.content) text += textOf(child, depth + 1);
  return text;
}

/** A body paragraph (or a heading, if the broken block had a valid level) holding `text`. */
function plainParagraph(block: unknown, text: string): NodeJSON | undefined {
  const attrs = isRecord(block) && isRecord(block.attrs) ? block.attrs : {};
  const level =
    Number.isInteger(attrs.level) && (attrs.level as number) >= 0 && (attrs.level as number) <= 4
      ? (attrs.level as number)
      : 0;
  const parts = text.split('\n');
  const inline: NodeJSON[] = [];
  parts.forEach((part, i) => {
    if (i > 0) inline.push({ type: 'hardBreak' });
    if (part) inline.push({ type: 'text', text: part });
  });
  const paragraph: NodeJSON = { type: 'paragraph', attrs: { level, runIn: false }, content: inline };
  return validBlock(paragraph) ? paragraph : undefined;
}

/**
 * Repairs JSON that was cut short: finds the last places where an object or array closed, cuts
 * there, drops a dangling comma and closes what is still open. Tries the latest cut first, and at
 * most `MAX_REPAIR_ATTEMPTS` of them. Answers the parsed value and whether a node was cut in half
 * (something typed follows the cut), or undefined.
 */
function repairTruncated(text: string): { value: unknown; partial: boolean } | undefined {
  if (!text.trimStart().startsWith('{')) return undefined;
  // For each place a value closed, the stack of brackets still open after it.
  const cuts: Array<{ at: number; open: string }> = [];
  const stack: string[] = [];
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (inString) {
      if (ch === '\\') i++;
      else if (ch === '"') inString = false;
      continue;
    }
    if (ch === '"') inString = true;
    else if (ch === '{' || ch === '[') stack.push(ch);
    else if (ch === '}' || ch === ']') {
      if (stack.pop() === undefined) break;
      if (stack.length === 0) break;
      cuts.push({ at: i + 1, open: stack.join('') });
    }
  }
  // Cuts right after a whole block (root → doc → content: three open brackets) come first, so a
  // block cut in half is dropped rather than kept as an empty shell of itself.
  const ordered = [
    ...cuts.filter((cut) => cut.open.length <= 3).reverse(),
    ...cuts.filter((cut) => cut.open.length > 3).reverse(),
  ];
  for (const { at, open } of ordered.slice(0, MAX_REPAIR_ATTEMPTS)) {
    const closers = [...open]
      .reverse()
      .map((c) => (c === '{' ? '}' : ']'))
      .join('');
    const value = tryJson(`${text.slice(0, at).replace(/,\s*$/, '')}${closers}`);
    if (value !== undefined) return { value, partial: text.slice(at).includes('"type"') };
  }
  return undefined;
}
