/**
 * `lectern check`: what must be done before a draft goes out — every placeholder still in the text
 * (token, count, where, the sentence around it) and gaps in the outline's enumerations.
 */
import type { Node as PMNode } from '@tiptap/pm/model';
import { buildOutline, flattenOutline } from '../shared/document/outline';
import { documentPlaceholders, groupPlaceholders } from '../shared/placeholders/scan';

export interface CheckJSON {
  placeholders: Array<{
    token: string;
    count: number;
    occurrences: Array<{ paragraph: number; offset: number; context: string }>;
  }>;
  remaining: number;
  gaps: Array<{ section: string; missing: string[] }>;
}

export function checkJSON(doc: PMNode): CheckJSON {
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
  };
}

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
  return `${lines.join('\n')}\n`;
}
