/**
 * `lectern fill`: placeholders filled from the command line, for batch use (the same outline sent
 * to twelve districts), by the same rules as the editor's panel (shared/placeholders/fill.ts): each
 * blank replaced, the word it stands in kept (XX同志=王建国 writes 王建国同志).
 *
 *   lectern fill FILE --set "XX同志=王建国" --set "{{单位名称}}=临江市" [-o OUT]
 *
 * It prints each change (the sentence before and after) and the placeholders still left, and writes
 * the speech atomically: to OUT, else back to FILE when it is a .speech file, else beside it as
 * FILE.speech (an imported .docx or .txt is never overwritten). Exit status 1 while any placeholder
 * remains, 2 on bad input (no --set, a --set without "=", a file that cannot be read), 0 when none is left.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Node as PMNode } from '@tiptap/pm/model';
import { Transform } from '@tiptap/pm/transform';
import { serializeSpeechFile, type SpeechFile } from '../shared/document/file-format';
import { fillPlaceholder } from '../shared/placeholders/fill';
import { countPlaceholders } from '../shared/placeholders/scan';
import { checkJSON, checkText } from './check-report';

export const FILL_USAGE = `用法 / usage:
  lectern fill FILE --set "占位符=内容" [--set …] [-o OUT]
                                   填写占位符，保留占位符所在的词（XX同志=王建国 → 王建国同志）
                                   fill placeholders, keeping the word each stands in; exit 1 while any remain
`;

/** One --set: the placeholder as the panel and `lectern check` name it, and its value. */
export interface FillSetting {
  key: string;
  value: string;
}

/** Reads `--set KEY=VALUE` arguments; a malformed one is an Error naming it. */
export function parseSettings(values: readonly string[]): FillSetting[] {
  return values.map((raw) => {
    const at = raw.indexOf('=');
    const key = at > 0 ? raw.slice(0, at).trim() : '';
    const value = at > 0 ? raw.slice(at + 1).trim() : '';
    if (!key || !value) {
      throw new Error(`--set "${raw}": 应写成 占位符=内容，如 --set "XX同志=王建国" (expected PLACEHOLDER=VALUE)`);
    }
    return { key, value };
  });
}

/** What `fillMain` writes to and how it reads a speech (the CLI's own loader, passed in to avoid a cycle). */
export interface FillCliOptions {
  out: (text: string) => void;
  err: (text: string) => void;
  load: (file: string) => Promise<{ file: SpeechFile; doc: PMNode }>;
  /** Writes the filled speech atomically; a failure throws the CLI's one-line error naming the target. */
  write: (target: string, text: string) => Promise<void>;
}

/** Runs `lectern fill` with its arguments (after "fill"); returns the exit status. */
export async function fillMain(argv: string[], { out, err, load, write }: FillCliOptions): Promise<number> {
  let file: string;
  let settings: FillSetting[];
  let output: string | undefined;
  try {
    const options = { set: { type: 'string', multiple: true }, output: { type: 'string', short: 'o' } } as const;
    const parsed = parseArgs({ args: argv, allowPositionals: true, options });
    if (parsed.positionals.length !== 1) throw new Error('fill takes one FILE');
    file = parsed.positionals[0]!;
    settings = parseSettings(parsed.values.set ?? []);
    if (!settings.length) throw new Error('fill needs at least one --set 占位符=内容');
    output = parsed.values.output;
  } catch (error) {
    err(`lectern: ${(error as Error).message}\n${FILL_USAGE}`);
    return 2;
  }
  const { file: speech, doc } = await load(file);
  const tr = new Transform(doc);
  const values = { ...speech.placeholders.values };
  for (const { key, value } of settings) {
    const changes = fillPlaceholder(tr, key, value);
    if (!changes.length) {
      err(`lectern: ${key}: 文中没有这个占位符 (no such placeholder; see lectern check)\n`);
      continue;
    }
    // A named field keeps its value, so that the editor fills the same field typed later.
    const field = /^\{\{(.*)\}\}$/su.exec(key)?.[1];
    if (field !== undefined) values[field] = value;
    for (const change of changes) out(`${key} → 第${change.blockIndex + 1}段 ${change.before} ⟶ ${change.after}\n`);
  }
  const target =
    output ?? (path.extname(file).toLowerCase() === '.speech' ? file : `${file.replace(/\.[^./\\]+$/, '')}.speech`);
  const filled: SpeechFile = {
    ...speech,
    placeholders: { ...speech.placeholders, values },
    doc: tr.doc.toJSON() as SpeechFile['doc'],
  };
  await write(target, serializeSpeechFile(filled));
  out(checkText(checkJSON(tr.doc)));
  out(`${target}\n`);
  return countPlaceholders(tr.doc) ? 1 : 0;
}
