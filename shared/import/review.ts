/**
 * The review marks a Word or WPS DOCX carries (issue 15): its tracked changes (修订: w:ins, w:del, w:moveFrom,
 * w:moveTo in word/document.xml, a paragraph mark's or a table row's among them) with their authors, and its
 * comments (批注, word/comments.xml). Lectern cannot hold either yet, and mammoth reads a DOCX as if every change
 * were accepted and no comment made; so the importer counts them here and the import report says so before the
 * user takes the text, instead of the leader's changes being taken in without a word.
 */
import { DOMParser } from '@xmldom/xmldom';
import type { ReviewMarks } from './review-marks';

/** The WordprocessingML namespace the marks are in. */
const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

/** The change elements, by local name, and what each counts as. */
const KINDS = new Map<string, 'insertions' | 'deletions' | 'moves' | 'moveTo'>([
  ['ins', 'insertions'],
  ['del', 'deletions'],
  ['moveFrom', 'moves'],
  ['moveTo', 'moveTo'],
]);

/** Parses `xml`, answering undefined for XML that does not parse (mammoth's own read then refuses the file). */
function parse(xml: string): Document | undefined {
  let failed = false;
  const doc = new DOMParser({
    errorHandler: {
      warning: () => {},
      error: () => (failed = true),
      fatalError: () => (failed = true),
    },
  }).parseFromString(xml, 'text/xml');
  return failed ? undefined : (doc as unknown as Document);
}

/** The review marks of a DOCX from its word/document.xml and, when it has one, word/comments.xml. */
export function reviewMarks(documentXml: string, commentsXml?: string): ReviewMarks {
  const marks: ReviewMarks = { insertions: 0, deletions: 0, moves: 0, authors: [], comments: 0 };
  const doc = parse(documentXml);
  // One pass in document order, so that the authors are in the order their changes come.
  const elements = doc ? doc.getElementsByTagNameNS(W, '*') : [];
  for (let i = 0; i < elements.length; i++) {
    const element = elements[i]!;
    const kind = KINDS.get(element.localName);
    if (!kind) continue;
    const author = element.getAttributeNS(W, 'author');
    if (author && !marks.authors.includes(author)) marks.authors.push(author);
    // A move's destination (w:moveTo) has its source's author; the move is counted at its source.
    if (kind !== 'moveTo') marks[kind]++;
  }
  const comments = commentsXml ? parse(commentsXml) : undefined;
  if (comments) marks.comments = comments.getElementsByTagNameNS(W, 'comment').length;
  return marks;
}
