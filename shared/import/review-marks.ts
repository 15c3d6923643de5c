/**
 * What review a DOCX carries, as the importer counts it (./review.ts) and the import report and the CLI say it: a
 * module of its own, without the XML parser, so that the window's code can read it.
 */

/** What review a DOCX holds: its tracked changes by kind, their authors, and its comments. */
export interface ReviewMarks {
  /** Insertions: inserted runs, paragraph marks and table rows (w:ins). */
  insertions: number;
  /** Deletions: deleted runs, paragraph marks and table rows (w:del). */
  deletions: number;
  /** Moves: text moved from one place to another (a w:moveFrom and its w:moveTo count once). */
  moves: number;
  /** The changes' authors, in the order first met, each once. */
  authors: string[];
  /** Comments, replies included (w:comment). */
  comments: number;
}

/** Whether a DOCX has anything to review: a change or a comment. */
export const hasReview = (marks: ReviewMarks | undefined): marks is ReviewMarks =>
  Boolean(marks && marks.insertions + marks.deletions + marks.moves + marks.comments > 0);

/** The changes a report counts: insertions, deletions and moves. */
export const changeCount = (marks: ReviewMarks) => marks.insertions + marks.deletions + marks.moves;

/** Looks up one of the import report's `importing.review.*` sentences, filling its values (i18next's or the CLI's). */
export type ReviewTranslate = (
  key: 'changes' | 'comments' | 'found' | 'notKept' | 'unchanged' | 'unnamed',
  values?: object,
) => string;

/**
 * The sentence the import report (and `lectern import`) says of a file's review: what it held, with the changes'
 * kinds and authors, and that it is not kept. `chinese` joins the parts with Chinese punctuation.
 */
export function reviewSentence(marks: ReviewMarks, translate: ReviewTranslate, chinese: boolean): string {
  const authors = marks.authors.length ? marks.authors.join(chinese ? '、' : ', ') : translate('unnamed');
  const changes = changeCount(marks);
  const parts = [
    changes
      ? translate('changes', {
          count: changes,
          insertions: marks.insertions,
          deletions: marks.deletions,
          moves: marks.moves,
          authors,
        })
      : '',
    marks.comments ? translate('comments', { count: marks.comments }) : '',
  ].filter(Boolean);
  const found = translate('found', { marks: parts.join(chinese ? '，' : ' and ') });
  const space = chinese ? '' : ' ';
  return `${found}${space}${translate('notKept')}${space}${translate('unchanged')}`;
}
