/**
 * The outline as text and JSON for the command line: the numbered tree with each section's spoken
 * length and time, enumeration gaps, and the total.
 */
import type { Node as PMNode } from '@tiptap/pm/model';
import { buildOutline, type OutlineEntry } from '../shared/document/outline';
import { DEFAULT_SPEAKING_RATE, formatDuration, speakingSeconds } from '../shared/document/stats';

export interface OutlineJSONEntry {
  kind: OutlineEntry['kind'];
  level: number;
  label: string;
  text: string;
  characters: number;
  seconds: number;
  gaps: string[];
  children: OutlineJSONEntry[];
}

export interface OutlineJSON {
  title: string;
  rate: number;
  characters: number;
  seconds: number;
  gaps: string[];
  entries: OutlineJSONEntry[];
}

function titleOf(doc: PMNode): string {
  let title = '';
  doc.forEach((node) => {
    if (!title && node.type.name === 'title') title = node.textContent;
  });
  return title;
}

/** The outline of `doc` as plain data, with times at `rate` characters a minute. */
export function outlineJSON(doc: PMNode, rate = DEFAULT_SPEAKING_RATE): OutlineJSON {
  const outline = buildOutline(doc);
  const convert = (entry: OutlineEntry): OutlineJSONEntry => ({
    kind: entry.kind,
    level: entry.level,
    label: entry.label,
    text: entry.text,
    characters: entry.length,
    seconds: Math.round(speakingSeconds(entry.length, rate)),
    gaps: entry.gaps,
    children: entry.children.map(convert),
  });
  return {
    title: titleOf(doc),
    rate,
    characters: outline.total,
    seconds: Math.round(speakingSeconds(outline.total, rate)),
    gaps: outline.gaps,
    entries: outline.entries.map(convert),
  };
}

/** The outline as an indented tree, one entry a line, length and time at the right. */
export function outlineText(data: OutlineJSON): string {
  const lines: string[] = [];
  if (data.title) lines.push(data.title);
  const walk = (entries: OutlineJSONEntry[], depth: number) => {
    for (const entry of entries) {
      const indent = '  '.repeat(depth);
      const marker = entry.kind === 'heading' ? entry.label : entry.kind === 'closing' ? '结束语 ' : '· ';
      const head = `${marker}${entry.text}`;
      const gaps = entry.gaps.length ? `  [缺${entry.gaps.join('、')}]` : '';
      lines.push(`${indent}${head}  (${entry.characters}字 ${formatDuration(entry.seconds)})${gaps}`);
      walk(entry.children, depth + 1);
    }
  };
  walk(data.entries, 0);
  if (data.gaps.length) lines.push(`[缺${data.gaps.join('、')}]`);
  lines.push(`合计 ${data.characters}字 ${formatDuration(data.seconds)}（语速 ${data.rate}字/分钟）`);
  return `${lines.join('\n')}\n`;
}
