/**
 * `lectern check`: what must be done before a draft goes out — every placeholder still in the text
 * (token, count, where, the sentence around it), gaps in the outline's enumerations, and a reviewed DOCX's
 * tracked changes and comments no one has dealt with (issue 15).
 */
import type { Node as PMNode } from '@tiptap/pm/model';
import { buildOutline, flattenOutline } from '../shared/document/outline';
import { documentPlaceholders, groupPlaceholders } from '../shared/placeholders/scan';
import { changeCount, hasReview, type ReviewMarks } from '../shared/import/review-marks';

export interface CheckJSON {
  placeholders: Array<{
    token: string;
    count: number;
    occurrences: Array<{ paragraph: number; offset: number; context: string }>;
  }>;
  remaining: number;
  gaps: Array<{ section: string; missing: string[] }>;
  /** A DOCX's tracked changes and comments, when it has any: a draft with them is not ready to go out. */
  review?: ReviewMarks;
}

export function checkJSON(doc: PMNode, review?: ReviewMarks): CheckJSON {
  const occurrences = documentPlaceholders(doc);
  const outline = buildOutline(doc);
  const gaps = flattenOutline(outline.entries)
    .filter((entry) => entry.gaps.length)
    .map((entry) => ({ section: `${entry.label}${entry.text}`, missing: entry.gaps }));
  if (outline.gaps.length) gaps.unshift({ section: '', missing: outline.gaps });
  return {
    placeholders: groupPlaceholders(occurrences).map((group) => ({
      token: group.token,
      count: group.occurrences.length,
      // Paragraphs are numbered from 1 as a reader counts them, offsets from 0 within the paragraph.
      occurrences: group.occurrences.map((o) => ({ paragraph: o.blockIndex + 1, offset: o.from, context: o.context })),
    })),
    remaining: occurrences.length,
    gaps,
    ...(hasReview(review) ? { review } : {}),
  };
}

/** Whether `check` finds the draft not ready: a placeholder left, or a change or comment no one has dealt with. */
export const notReady = (data: CheckJSON) => data.remaining > 0 || hasReview(data.review);

export function checkText(data: CheckJSON): string {
  const lines: string[] = [];
  if (data.remaining) {
    lines.push(`占位符 ${data.remaining} 处待填 (${data.remaining} placeholders left):`);
    for (const group of data.placeholders) {
      lines.push(`  ${group.token} ×${group.count}`);
      for (const o of group.occurrences) lines.push(`    第${o.paragraph}段 ${o.context}`);
    }
  } else {
    lines.push('没有待填的占位符 (no placeholders left).');
  }
  for (const gap of data.gaps)
    lines.push(`提纲缺项 (enumeration gap): ${gap.section ? `${gap.section} ` : ''}缺${gap.missing.join('、')}`);
  if (data.review) {
    const changes = changeCount(data.review);
    const comments = data.review.comments;
    lines.push(
      `未处理的修订 ${changes} 处、批注 ${comments} 条 (${changes} tracked changes, ${comments} comments not dealt ` +
        `with)${data.review.authors.length ? `：${data.review.authors.join('、')}` : ''}`,
    );
  }
  return `${lines.join('\n')}\n`;
}
