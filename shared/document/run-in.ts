/**
 * Run-in headings: "（一）充分认识做好XX工作的重要意义。XX工作事关……" is one paragraph whose lead
 * sentence is the heading and whose remainder is body. The lead is computed from the text, never
 * marked, so editing the sentence moves the boundary with it.
 */

/** Punctuation that ends a run-in heading's lead sentence. */
export const RUN_IN_TERMINATORS = '。！？!?';

/**
 * Closing quotes and brackets that belong to the sentence they follow: in "要牢记“发展是第一要务。”正文"
 * the lead ends after ”, not before it.
 */
const CLOSERS = '”’」』）)"\'';

/**
 * The length (in UTF-16 code units) of the lead sentence of a run-in heading's text, including its
 * closing punctuation: a run of terminators ("吗？！") and the closing quotes or brackets after it.
 * With no terminator the whole text is the lead (the user is still typing it).
 */
export function runInLeadLength(text: string): number {
  for (let i = 0; i < text.length; i++) {
    if (!RUN_IN_TERMINATORS.includes(text[i]!)) continue;
    let end = i + 1;
    while (end < text.length && (RUN_IN_TERMINATORS.includes(text[end]!) || CLOSERS.includes(text[end]!))) end++;
    return end;
  }
  return text.length;
}
