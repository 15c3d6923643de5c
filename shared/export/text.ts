/**
 * Plain text and Markdown exports: numbers are written out as text (一、 （一） 1. （1）), since
 * neither format can compute them. Plain text follows the habit of Chinese documents: body and
 * headings indented by two full-width spaces, a blank line between paragraphs.
 */
import type { Node as PMNode } from '@tiptap/pm/model';
import { HeadingCounter, headingLevel } from '../document/numbering';
import { runInLeadLength } from '../document/run-in';

const INDENT = '\u3000\u3000';

function blockText(block: PMNode): string {
  return block.textBetween(0, block.content.size, undefined, '\n');
}

/** The speech as plain text. */
export function exportText(doc: PMNode): string {
  const counter = new HeadingCounter();
  const lines: string[] = [];
  doc.forEach((block) => {
    const text = blockText(block);
    const level = headingLevel(block);
    // The closing remarks are body text: indented as paragraphs are.
    if (block.type.name === 'paragraph' || block.type.name === 'closing')
      lines.push(`${INDENT}${level ? counter.next(level) : ''}${text}`);
    else lines.push(text);
  });
  return `${lines.join('\n\n')}\n`;
}

/** Escapes what Markdown would read as syntax at the start of a line or inside text. */
function escapeMarkdown(text: string): string {
  return text
    .replace(/([\\`*_[\]#<>|])/g, '\\$1')
    .replace(/^(\d+)\./, '$1\\.')
    .replace(/^([-+])\s/, '\\$1 ');
}

/** The speech as Markdown: title #, own-line headings ## to #####, run-in headings in bold. */
export function exportMarkdown(doc: PMNode): string {
  const counter = new HeadingCounter();
  const out: string[] = [];
  doc.forEach((block) => {
    const text = blockText(block);
    const level = headingLevel(block);
    if (block.type.name === 'title') return void out.push(`# ${escapeMarkdown(text)}`);
    if (!level) return void out.push(escapeMarkdown(text).replace(/\n/g, '  \n'));
    const label = counter.next(level);
    if (!block.attrs.runIn) return void out.push(`${'#'.repeat(level + 1)} ${escapeMarkdown(`${label}${text}`)}`);
    const lead = runInLeadLength(text);
    out.push(`**${escapeMarkdown(`${label}${text.slice(0, lead)}`)}**${escapeMarkdown(text.slice(lead))}`);
  });
  return `${out.join('\n\n')}\n`;
}
