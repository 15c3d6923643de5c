/**
 * The sample speech (../shared/fixtures/push-meeting.txt) as the blocks a user types: each with
 * its kind, heading level, run-in form, the number the user types out of habit (which the editor
 * turns into a level and drops), and the text that stays.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export interface SampleBlock {
  type: 'title' | 'byline' | 'salutation' | 'paragraph' | 'closing';
  level: number;
  runIn: boolean;
  typedNumber: string;
  text: string;
}

/** ../shared sits beside the repo (not the repo's own shared/ code folder). */
export const SAMPLE_PATH = fileURLToPath(new URL('../../shared/fixtures/push-meeting.txt', import.meta.url));

const HEADINGS: Array<{ level: number; pattern: RegExp }> = [
  { level: 1, pattern: /^([一二三四五六七八九十]+、)(.*)$/ },
  { level: 2, pattern: /^(（[一二三四五六七八九十]+）)(.*)$/ },
  { level: 3, pattern: /^(\d+[.．])(.*)$/ },
  { level: 4, pattern: /^(（\d+）)(.*)$/ },
];

/** A heading is run-in when body text follows its lead sentence in the same paragraph. */
function isRunIn(text: string): boolean {
  const end = text.search(/[。！？]/);
  return end >= 0 && end < text.length - 1;
}

/**
 * The closing remarks (结束语) of a speech: its last lines that address the audience or thank it, after the last heading.
 */
const CLOSING_LINE = /^(同志们，|谢谢大家)/;

export function sampleBlocks(source = readFileSync(SAMPLE_PATH, 'utf8')): SampleBlock[] {
  const lines = source
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);
  let closingFrom = lines.length;
  while (closingFrom > 0 && CLOSING_LINE.test(lines[closingFrom - 1]!)) closingFrom--;
  const blocks: SampleBlock[] = [];
  let seenSalutation = false;
  lines.forEach((line, index) => {
    if (index === 0) return blocks.push({ type: 'title', level: 0, runIn: false, typedNumber: '', text: line });
    if (!seenSalutation && /[：:]$/.test(line)) {
      seenSalutation = true;
      return blocks.push({ type: 'salutation', level: 0, runIn: false, typedNumber: '', text: line });
    }
    if (!seenSalutation) return blocks.push({ type: 'byline', level: 0, runIn: false, typedNumber: '', text: line });
    if (index >= closingFrom)
      return blocks.push({ type: 'closing', level: 0, runIn: false, typedNumber: '', text: line });
    for (const { level, pattern } of HEADINGS) {
      const match = pattern.exec(line);
      if (match)
        return blocks.push({
          type: 'paragraph',
          level,
          runIn: isRunIn(match[2]!),
          typedNumber: match[1]!,
          text: match[2]!,
        });
    }
    return blocks.push({ type: 'paragraph', level: 0, runIn: false, typedNumber: '', text: line });
  });
  return blocks;
}

/** The blocks as the document JSON the editor should hold. */
export function sampleDocJSON(blocks = sampleBlocks()): unknown {
  return {
    type: 'doc',
    content: blocks.map((block) => ({
      type: block.type,
      ...(block.type === 'paragraph' ? { attrs: { level: block.level, runIn: block.runIn } } : {}),
      ...(block.text ? { content: [{ type: 'text', text: block.text }] } : {}),
    })),
  };
}
