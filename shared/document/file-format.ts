/**
 * The `.speech` file format (DESIGN.md, decision 3): UTF-8 JSON
 * `{ format: "lectern.speech", version, meta, placeholders, doc }`.
 *
 * `parseSpeechFile` checks the envelope with zod, migrates older versions, then checks the content
 * against the speech schema, naming the first invalid node by its path. Every failure is a
 * `SpeechFileError` with a code and a message a user can act on; nothing here touches a disk.
 */
import { z } from 'zod';
import type { Node as PMNode } from '@tiptap/pm/model';
import { MAX_HEADING_LEVEL, speechSchema } from './schema';
import { describeThrown, describeZodIssue, exceedsUtf8Bytes, jsonDepth } from './envelope';

/** The value of the `format` field that marks a Lectern speech file. */
export const SPEECH_FORMAT = 'lectern.speech';
/** The version this build writes. Files of a higher version are refused, not guessed at. */
export const SPEECH_VERSION = 2;
/** Files larger than this are refused before parsing (a speech is well under 1 MB). */
export const MAX_SPEECH_FILE_BYTES = 20 * 1024 * 1024;
/** Deeper JSON than this is refused: the schema is three levels deep (doc → block → inline). */
const MAX_JSON_DEPTH = 16;

/**
 * Why a file could not be opened; each code has its sentence in shared/i18n/file-errors.ts.
 * `plain-text` is a text file saved or renamed as .speech, which the user can import instead.
 */
export type SpeechFileErrorCode =
  'too-large' | 'not-json' | 'plain-text' | 'not-speech' | 'newer-version' | 'invalid-envelope' | 'invalid-content';

/**
 * A file that cannot be opened, with a code for programs (and for the sentence a user reads,
 * shared/i18n/file-errors.ts) and an English message naming what is wrong, shown as the detail.
 */
export class SpeechFileError extends Error {
  override readonly name = 'SpeechFileError';
  constructor(
    readonly code: SpeechFileErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/** The node JSON shape ProseMirror reads; checked in depth by `checkContent`. */
export interface NodeJSON {
  type: string;
  attrs?: Record<string, unknown>;
  content?: NodeJSON[];
  text?: string;
  marks?: unknown[];
}

const nodeJson: z.ZodType<NodeJSON> = z.lazy(() =>
  z.object({
    type: z.string(),
    attrs: z.record(z.string(), z.unknown()).optional(),
    content: z.array(nodeJson).optional(),
    text: z.string().optional(),
    marks: z.array(z.unknown()).optional(),
  }),
);

/** Document properties the user sets; all optional but `lang`. */
export const speechMetaSchema = z.object({
  title: z.string().max(500).optional(),
  speaker: z.string().max(500).optional(),
  date: z.string().max(100).optional(),
  occasion: z.string().max(200).optional(),
  /** Speaking rate in Han characters a minute (FORMAT.md: 160–260, default 200). */
  speakingRate: z.number().int().min(160).max(260).optional(),
  /** The target length of the speech in minutes. */
  targetMinutes: z.number().positive().max(600).optional(),
  createdAt: z.string().optional(),
  modifiedAt: z.string().optional(),
});
export type SpeechMeta = z.infer<typeof speechMetaSchema>;

/** Placeholder state kept in the document: named field values and ignored occurrences. */
export const placeholderStateSchema = z.object({
  values: z.record(z.string(), z.string()).default({}),
  ignored: z.array(z.string()).default([]),
});
export type PlaceholderState = z.infer<typeof placeholderStateSchema>;

/** The envelope of the current version. */
export const speechFileSchema = z.object({
  format: z.literal(SPEECH_FORMAT),
  version: z.literal(SPEECH_VERSION),
  meta: speechMetaSchema,
  placeholders: placeholderStateSchema,
  doc: nodeJson,
});
export type SpeechFile = z.infer<typeof speechFileSchema>;

/**
 * Upgrades from older versions: `migrations[n]` turns a version-n object into a version-(n+1)
 * object (the version number itself is set by `upgradeEnvelope`).
 *
 * - 1 → 2: the `closing` block (结束语) joined the schema. A version-1 document has none and is a
 *   valid version-2 document as it is: its last paragraphs stay body text until the user marks
 *   them (the file is never restructured by a guess).
 */
export type Migration = (file: Record<string, unknown>) => Record<string, unknown>;
export const migrations: Readonly<Record<number, Migration>> = {
  1: (file) => file,
};

/** A new, empty speech: one empty title block. */
export function emptySpeechFile(now = new Date()): SpeechFile {
  return {
    format: SPEECH_FORMAT,
    version: SPEECH_VERSION,
    meta: { createdAt: now.toISOString() },
    placeholders: { values: {}, ignored: [] },
    doc: { type: 'doc', content: [{ type: 'title' }] },
  };
}

/** Human description of a node's place: `doc.content[3] (paragraph)`. */
function nodePath(path: string, node: NodeJSON): string {
  return `${path} (${node.type})`;
}

/**
 * Checks node JSON against what the speech schema accepts, beyond what ProseMirror checks itself:
 * known node types, known attributes with valid values, text only on text nodes, no marks.
 * Returns a message naming the first invalid node, or undefined when all is well.
 */
function findInvalidNode(node: NodeJSON, path: string): string | undefined {
  const schema = speechSchema();
  if (!Object.hasOwn(schema.nodes, node.type)) return `${path}: unknown node type "${node.type}"`;
  const type = schema.nodes[node.type];
  if (!type) return `${path}: unknown node type "${node.type}"`;
  for (const mark of node.marks ?? []) {
    const name = typeof mark === 'object' && mark !== null ? (mark as { type?: unknown }).type : undefined;
    if (node.type !== 'text' || typeof name !== 'string' || !Object.hasOwn(schema.marks, name))
      return `${nodePath(path, node)}: mark ${JSON.stringify(name ?? mark)} is not allowed`;
    if (Object.keys((mark as { attrs?: object }).attrs ?? {}).length)
      return `${nodePath(path, node)}: mark "${name}" takes no attributes`;
  }
  if (node.type === 'text') {
    if (typeof node.text !== 'string' || node.text.length === 0)
      return `${nodePath(path, node)}: text node without text`;
    if (node.content !== undefined) return `${nodePath(path, node)}: a text node has no content`;
  } else if (node.text !== undefined) {
    return `${nodePath(path, node)}: only text nodes carry text`;
  }
  for (const [name, value] of Object.entries(node.attrs ?? {})) {
    if (!Object.hasOwn(type.spec.attrs ?? {}, name)) return `${nodePath(path, node)}: unknown attribute "${name}"`;
    if (node.type === 'paragraph' && name === 'level') {
      if (!Number.isInteger(value) || (value as number) < 0 || (value as number) > MAX_HEADING_LEVEL) {
        return `${nodePath(path, node)}: level ${JSON.stringify(value)} is not 0–${MAX_HEADING_LEVEL}`;
      }
    }
    if (node.type === 'paragraph' && name === 'runIn' && typeof value !== 'boolean') {
      return `${nodePath(path, node)}: runIn ${JSON.stringify(value)} is not true or false`;
    }
  }
  for (const [i, child] of (node.content ?? []).entries()) {
    const problem = findInvalidNode(child, `${path}.content[${i}]`);
    if (problem) return problem;
  }
  return undefined;
}

/**
 * Builds the ProseMirror document from node JSON of any shape and checks it against the schema's
 * content rules. Throws `SpeechFileError('invalid-content')` naming what is wrong, and nothing else.
 */
export function docFromJSON(json: NodeJSON): PMNode {
  if (jsonDepth(json, MAX_JSON_DEPTH) > MAX_JSON_DEPTH) {
    throw new SpeechFileError(
      'invalid-content',
      `doc: nested deeper than ${MAX_JSON_DEPTH} levels; a speech never is.`,
    );
  }
  const shape = nodeJson.safeParse(json);
  if (!shape.success) throw new SpeechFileError('invalid-content', describeZodIssue(shape.error, 'doc'));
  return buildDoc(shape.data);
}

/** `docFromJSON` for node JSON whose shape is already checked (depth and zod). */
function buildDoc(json: NodeJSON): PMNode {
  if (json.type !== 'doc')
    throw new SpeechFileError('invalid-content', `doc: the top node is "${json.type}", not "doc"`);
  const problem = findInvalidNode(json, 'doc');
  if (problem) throw new SpeechFileError('invalid-content', problem);
  try {
    const doc = speechSchema().nodeFromJSON(json);
    doc.check();
    return doc;
  } catch (error) {
    throw new SpeechFileError('invalid-content', `doc: ${(error as Error).message}`);
  }
}

/** Options for `parseSpeechFile`; tests inject migrations. */
export interface ParseOptions {
  migrations?: Readonly<Record<number, Migration>>;
}

/** The result of opening a file: the current-version envelope, the built document, and whether it was migrated. */
export interface ParsedSpeech {
  file: SpeechFile;
  doc: PMNode;
  migratedFrom?: number;
}

/**
 * Brings a versioned envelope (a `.speech` file, a library entry) up to `current`: refuses a
 * version that is not a number or is newer than this build, runs each migration from the file's
 * version on (a migration that throws or gives no object is a bad envelope), and checks the
 * upgraded object's depth. Failures are thrown as `fail(code, message)`, the caller's own error.
 */
export function upgradeEnvelope(
  raw: Record<string, unknown>,
  options: {
    current: number;
    migrations: Readonly<Record<number, Migration>>;
    /** What the envelope is called in messages: "file", "entry". */
    noun: string;
    fail: (code: 'invalid-envelope' | 'newer-version' | 'invalid-content', message: string) => Error;
  },
): { object: Record<string, unknown>; migratedFrom?: number } {
  const { current, migrations: table, noun, fail } = options;
  const version = raw.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 0) {
    throw fail(
      'invalid-envelope',
      `version: ${typeof version === 'number' ? String(version) : JSON.stringify(version)} is not a format version number.`,
    );
  }
  if (version > current) {
    throw fail(
      'newer-version',
      `The ${noun} is format version ${version}; this version of Lectern reads up to ${current}. Update Lectern to open it.`,
    );
  }
  let object = raw;
  let migratedFrom: number | undefined;
  for (let v = version; v < current; v++) {
    const migrate = table[v];
    if (!migrate) throw fail('invalid-envelope', `version: format version ${v} is not one Lectern ever wrote.`);
    let upgraded: unknown;
    try {
      upgraded = migrate(object);
    } catch (error) {
      throw fail('invalid-envelope', `version: the upgrade from format version ${v} failed: ${describeThrown(error)}`);
    }
    if (upgraded === null || typeof upgraded !== 'object' || Array.isArray(upgraded)) {
      throw fail('invalid-envelope', `version: the upgrade from format version ${v} gave no ${noun}.`);
    }
    object = { ...(upgraded as Record<string, unknown>), version: v + 1 };
    migratedFrom ??= version;
  }
  if (migratedFrom !== undefined && jsonDepth(object, MAX_JSON_DEPTH) > MAX_JSON_DEPTH) {
    throw fail('invalid-content', `The upgraded ${noun} is nested deeper than ${MAX_JSON_DEPTH} levels.`);
  }
  return migratedFrom === undefined ? { object } : { object, migratedFrom };
}

/**
 * Whether text that is not JSON reads as ordinary text (a speech typed in a text editor and given
 * the .speech extension): it does not start as JSON does and holds no control characters.
 */
function looksLikePlainText(text: string): boolean {
  const start = text.replace(/^\ufeff/, '').trimStart();
  // eslint-disable-next-line no-control-regex -- control characters mean a binary file, not text
  return start !== '' && !/^[{["]/.test(start) && !/[\u0000-\u0008\u000e-\u001f\ufffd]/.test(start);
}

/**
 * Parses and validates the text of a `.speech` file. Throws `SpeechFileError` for every problem:
 * not JSON, not a Lectern file, a newer version than this build knows, a bad envelope, or content
 * the schema rejects (naming the node, e.g. `doc.content[3] (paragraph): level 7 is not 0–4`).
 */
export function parseSpeechFile(text: string, options: ParseOptions = {}): ParsedSpeech {
  const table = options.migrations ?? migrations;
  if (exceedsUtf8Bytes(text, MAX_SPEECH_FILE_BYTES)) {
    throw new SpeechFileError(
      'too-large',
      `The file is larger than ${MAX_SPEECH_FILE_BYTES / 1024 / 1024} MB and is not a speech this app wrote.`,
    );
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (error) {
    if (looksLikePlainText(text))
      throw new SpeechFileError('plain-text', `The file is plain text, not JSON: ${(error as Error).message}`);
    throw new SpeechFileError('not-json', `The file is not valid JSON: ${(error as Error).message}`);
  }
  if (
    raw === null ||
    typeof raw !== 'object' ||
    Array.isArray(raw) ||
    (raw as Record<string, unknown>).format !== SPEECH_FORMAT
  ) {
    throw new SpeechFileError(
      'not-speech',
      `The file is not a Lectern speech (its "format" field is not "${SPEECH_FORMAT}").`,
    );
  }
  if (jsonDepth(raw, MAX_JSON_DEPTH) > MAX_JSON_DEPTH) {
    throw new SpeechFileError(
      'invalid-content',
      `The file is nested deeper than ${MAX_JSON_DEPTH} levels; a speech never is.`,
    );
  }
  const { object, migratedFrom } = upgradeEnvelope(raw as Record<string, unknown>, {
    current: SPEECH_VERSION,
    migrations: table,
    noun: 'file',
    fail: (code, message) => new SpeechFileError(code, message),
  });
  const envelope = speechFileSchema.safeParse(object);
  if (!envelope.success) throw new SpeechFileError('invalid-envelope', describeZodIssue(envelope.error));
  const doc = buildDoc(envelope.data.doc);
  return migratedFrom === undefined ? { file: envelope.data, doc } : { file: envelope.data, doc, migratedFrom };
}

/** `value` with `keys` first, in that order, then any other keys in their own order. */
function withKeyOrder<T>(value: T, keys: readonly string[]): T {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
  const ordered: Record<string, unknown> = {};
  for (const key of keys) if (Object.hasOwn(value, key)) ordered[key] = (value as Record<string, unknown>)[key];
  for (const [key, child] of Object.entries(value)) if (!Object.hasOwn(ordered, key)) ordered[key] = child;
  return ordered as T;
}

const NODE_KEYS = ['type', 'attrs', 'content', 'text', 'marks'] as const;

function orderedNode(node: NodeJSON): NodeJSON {
  const ordered = withKeyOrder(node, NODE_KEYS);
  if (ordered !== null && typeof ordered === 'object' && Array.isArray(node.content))
    ordered.content = node.content.map(orderedNode);
  return ordered;
}

/**
 * Serialises a speech for disk: two-space indent, trailing newline, and one key order whoever built
 * the object (the envelope's, meta's and placeholders' in their schema order; nodes as type, attrs,
 * content, text, marks), so the same speech always gives the same bytes.
 */
export function serializeSpeechFile(file: SpeechFile): string {
  const ordered: SpeechFile = {
    format: file.format,
    version: file.version,
    meta: withKeyOrder(file.meta, Object.keys(speechMetaSchema.shape)),
    placeholders: withKeyOrder(file.placeholders, Object.keys(placeholderStateSchema.shape)),
    doc: orderedNode(file.doc),
  };
  return `${JSON.stringify(ordered, null, 2)}\n`;
}

/**
 * Checks a speech held in memory exactly as opening it from disk would: serialises it, then parses
 * and validates that text (size, envelope, content). Returns what `parseSpeechFile` returns, and
 * throws its `SpeechFileError` for a speech that would not open again. Saving, backing up,
 * snapshotting and exporting all pass through it, so nothing is written that Lectern cannot read.
 */
export function reopenSpeechFile(file: SpeechFile): ParsedSpeech {
  return parseSpeechFile(serializeSpeechFile(file));
}

/**
 * The text to write for a speech, after `reopenSpeechFile`'s check: the bytes of the file as it
 * would open (its schema's defaults filled in), or its `SpeechFileError` when it would not open.
 */
export function checkedSpeechText(file: SpeechFile): string {
  return serializeSpeechFile(reopenSpeechFile(file).file);
}
