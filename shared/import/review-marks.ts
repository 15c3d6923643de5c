/**
 * What review a DOCX carries, as the importer counts it (./review.ts) and the import report and the CLI say it: a
 * module of its own, without the XML parser, so that the window's code can read it.
 */
import { z } from 'zod';
import { fill } from '../i18n/fill';

const count = z.number().int().nonnegative();

/** What review a DOCX holds (the IPC contract checks it as it comes from the main process). */
export const reviewMarksSchema = z.object({
  /** Insertions: inserted runs, paragraph marks and table rows (w:ins). */
  insertions: count,
  /** Deletions: deleted runs, paragraph marks and table rows (w:del). */
  deletions: count,
  /** Moves: text moved from one place to another (a w:moveFrom and its w:moveTo count once). */
  moves: count,
  /** The changes' authors, in the order first met, each once. */
  authors: z.array(z.string()),
  /** Comments, replies included (w:comment). */
  comments: count,
});
export type ReviewMarks = z.infer<typeof reviewMarksSchema>;

/** Whether a DOCX has anything to review: a change or a comment. */
export const hasReview = (marks: ReviewMarks | undefined): marks is ReviewMarks =>
  Boolean(marks && marks.insertions + marks.deletions + marks.moves + marks.comments > 0);

/** The changes a report counts: insertions, deletions and moves. */
export const changeCount = (marks: ReviewMarks) => marks.insertions + marks.deletions + marks.moves;

/** The import report's `importing.review` strings in one language (renderer/i18n/resources.ts). */
export interface ReviewStrings {
  changes: string;
  comments: string;
  found: string;
  notKept: string;
  unchanged: string;
  unnamed: string;
  /** Between authors (、), between the changes and the comments (，), and between sentences (none in Chinese). */
  authorSeparator: string;
  partSeparator: string;
  sentenceSeparator: string;
}

/**
 * The sentence the import report (and `lectern import`) says of a file's review, in the language of `strings`: what
 * it held, with the changes' kinds and authors, and that it is not kept.
 */
export function reviewSentence(marks: ReviewMarks, strings: ReviewStrings): string {
  const authors = marks.authors.length ? marks.authors.join(strings.authorSeparator) : strings.unnamed;
  const changes = changeCount(marks);
  const { insertions, deletions, moves, comments } = marks;
  const parts = [
    changes ? fill(strings.changes, { count: changes, insertions, deletions, moves, authors }) : '',
    comments ? fill(strings.comments, { count: comments }) : '',
  ].filter(Boolean);
  return [fill(strings.found, { marks: parts.join(strings.partSeparator) }), strings.notKept, strings.unchanged].join(
    strings.sentenceSeparator,
  );
}
