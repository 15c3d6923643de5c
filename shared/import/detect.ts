/**
 * Plain text → a structured speech. Lines before the salutation are the title and the byline
 * (speaker, date in parentheses); the salutation is a short line ending in a colon (同志们：);
 * typed numbers 一、 （一） 1. 1、 （1） 第一部分 become heading levels and are dropped, since Lectern
 * draws numbers; a numbered lead sentence followed by more text in the same paragraph is a run-in
 * heading; everything else is body. Enumerated points (一要, 一是…) stay text for the outline.
 */
import type { NodeJSON } from '../document/file-format';

const NUMERAL = '[一二三四五六七八九十]{1,3}';
/** Typed heading numbers and the level they mean. */
export const HEADING_NUMBERS: ReadonlyArray<{ level: number; pattern: RegExp }> = [
  { level: 1, pattern: new RegExp(`^第${NUMERAL}部分[、，：\\s]*`, 'u') },
  { level: 1, pattern: new RegExp(`^${NUMERAL}[、．.]\\s*`, 'u') },
  { level: 2, pattern: new RegExp(`^[（(]${NUMERAL}[）)]\\s*`, 'u') },
  { level: 3, pattern: /^\d{1,2}(?:[．、]|\.(?!\d))\s*/u },
  { level: 4, pattern: /^[（(]\d{1,2}[）)]\s*/u },
];

const TITLE_ENDING = /(讲话|致辞|发言|报告|讲话稿|主持词|动员令)$/u;
const DATE_LINE = /^[（(][^（）()]*\d{4}\s*年[^（）()]*[）)]$/u;
const SALUTATION = /[：:]$/u;

/** Whether a heading's text runs on into body text after its lead sentence. */
function runsOn(text: string): boolean {
  const end = text.search(/[。！？]/u);
  return end >= 0 && end < text.length - 1;
}

const block = (type: string, text: string, attrs?: Record<string, unknown>): NodeJSON => ({
  type,
  ...(attrs ? { attrs } : {}),
  ...(text ? { content: [{ type: 'text', text }] } : {}),
});

/** The heading level and text of a line with a typed number, if it has one. */
export function typedHeading(line: string): { level: number; text: string } | undefined {
  for (const { level, pattern } of HEADING_NUMBERS) {
    const match = pattern.exec(line);
    if (match && line.length > match[0].length) return { level, text: line.slice(match[0].length) };
  }
  return undefined;
}

/** The document of a cleaned text (one paragraph a line). */
export function detectStructure(text: string): NodeJSON {
  const lines = text.split('\n').map((line) => line.trim()).filter(Boolean);
  const content: NodeJSON[] = [];
  // The front matter: title and byline lines, up to the salutation (only looked for near the top).
  const salutationAt = lines.slice(0, 8).findIndex((line) => SALUTATION.test(line) && line.length <= 30 && !typedHeading(line));
  lines.forEach((line, index) => {
    if (index === 0 && (line.length <= 40 || TITLE_ENDING.test(line)) && !typedHeading(line)) return void content.push(block('title', line));
    if (salutationAt >= 0 && index < salutationAt) {
      if (DATE_LINE.test(line) || line.length <= 16) return void content.push(block('byline', line));
    }
    if (index === salutationAt) return void content.push(block('salutation', line));
    const heading = typedHeading(line);
    if (heading) return void content.push(block('paragraph', heading.text, { level: heading.level, runIn: runsOn(heading.text) }));
    content.push(block('paragraph', line, { level: 0, runIn: false }));
  });
  if (!content.length) content.push({ type: 'title' });
  return { type: 'doc', content };
}
