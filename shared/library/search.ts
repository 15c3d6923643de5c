/**
 * Searching the library by name, occasion tag, year and text: every word of the query must be
 * found in one of them, ignoring case and the width of Latin letters and digits (Ｘ市 finds X市).
 */
import type { NodeJSON } from '../document/file-format';
import type { LibraryEntry } from './entry';

/** The text of a document, one line per block, line breaks as spaces. */
export function entryPlainText(doc: NodeJSON): string {
  const inline = (node: NodeJSON): string => {
    if (node.type === 'text') return node.text ?? '';
    if (node.type === 'hardBreak') return ' ';
    return (node.content ?? []).map(inline).join('');
  };
  return (doc.content ?? []).map(inline).join('\n');
}

/** Lower case, full-width Latin letters, digits and the ideographic space folded to ASCII. */
export function normalizeForSearch(text: string): string {
  return text
    .replace(/[\uff01-\uff5e]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    .replace(/\u3000/g, ' ')
    .toLowerCase();
}

/** The words of a query: split on spaces (ASCII or ideographic), empty words dropped. */
export function queryTerms(query: string): string[] {
  return normalizeForSearch(query).split(/\s+/).filter(Boolean);
}

/** Where a query is looked for in an entry, already normalized. */
export function searchableText(
  entry: Pick<LibraryEntry, 'name' | 'occasion' | 'year' | 'description' | 'doc'>,
): string {
  return normalizeForSearch(
    [
      entry.name,
      entry.occasion ?? '',
      entry.year === undefined ? '' : String(entry.year),
      entry.description ?? '',
      entryPlainText(entry.doc),
    ].join('\n'),
  );
}

/**
 * Whether every word of `query` is in the entry's name, occasion, year, description or text; an empty query matches
 * all.
 */
export function matchesQuery(
  entry: Pick<LibraryEntry, 'name' | 'occasion' | 'year' | 'description' | 'doc'>,
  query: string,
): boolean {
  const terms = queryTerms(query);
  if (!terms.length) return true;
  const haystack = searchableText(entry);
  return terms.every((term) => haystack.includes(term));
}
