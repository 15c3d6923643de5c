/**
 * The checks every versioned JSON envelope Lectern reads makes before trusting its content (a
 * `.speech` file, a library entry or bundle): how deep it nests, how many UTF-8 bytes it takes,
 * and how a zod issue or a thrown value reads in the error message. One copy, so the file format
 * and the library refuse the same things in the same words.
 */
import type { z } from 'zod';

/**
 * How deep `value` nests: the most keys or indexes on a path from the top to a value (a scalar and
 * `{}` are 0, `{a: 1}` is 1, `{a: [{b: 1}]}` is 3), counting no further
 * than one level past `limit`: callers compare the answer with `limit`, and a hostile file nested a
 * million deep is not walked to its bottom.
 */
export function jsonDepth(value: unknown, limit: number, depth = 0): number {
  if (depth > limit || value === null || typeof value !== 'object') return depth;
  let max = depth;
  for (const child of Object.values(value as object)) {
    max = Math.max(max, jsonDepth(child, limit, depth + 1));
    if (max > limit) break;
  }
  return max;
}

/** Whether `text` takes more than `limit` bytes as UTF-8 (what it takes on disk), counting no further than needed. */
export function exceedsUtf8Bytes(text: string, limit: number): boolean {
  if (text.length > limit) return true;
  if (text.length * 3 <= limit) return false;
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit < 0x80) bytes += 1;
    else if (unit < 0x800) bytes += 2;
    else if (unit >= 0xd800 && unit <= 0xdbff && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 4;
      i++;
    } else bytes += 3;
    if (bytes > limit) return true;
  }
  return false;
}

/** A thrown value as text, whatever was thrown (`throw null` included). */
export function describeThrown(error: unknown): string {
  if (error instanceof Error) return error.message;
  try {
    return String(error);
  } catch {
    return 'unknown error';
  }
}

/**
 * A zod error's first issue as `doc.content[2].type: message`, the way `findInvalidNode` names
 * nodes, under `prefix` when given; `(top level): message` for an issue with no path.
 */
export function describeZodIssue(error: z.ZodError, prefix?: string): string {
  const issue = error.issues[0];
  if (!issue) return 'unknown problem';
  let path = prefix ?? '';
  for (const key of issue.path) path += typeof key === 'number' ? `[${key}]` : `${path ? '.' : ''}${String(key)}`;
  return `${path || '(top level)'}: ${issue.message}`;
}
