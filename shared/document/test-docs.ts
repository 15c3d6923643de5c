/** Builders of speech documents for unit tests (no editor, no DOM). */
import type { Node as PMNode } from '@tiptap/pm/model';
import type { NodeJSON } from './file-format';
import { speechSchema } from './schema';

export type BlockSpec =
  ['title' | 'byline' | 'salutation' | 'closing', string] | [number, string] | [number, string, 'runIn'];

/** A document from compact specs: ['title', '…'], [0, 'body'], [2, 'heading'], [2, 'lead。body', 'runIn']. */
export function docOf(...blocks: BlockSpec[]): PMNode {
  const schema = speechSchema();
  return schema.node(
    'doc',
    null,
    blocks.map((spec) => {
      const text = spec[1] ? [schema.text(spec[1])] : [];
      if (typeof spec[0] === 'string') return schema.node(spec[0], null, text);
      return schema.node('paragraph', { level: spec[0], runIn: spec[2] === 'runIn' }, text);
    }),
  );
}

/** A document's blocks as rows to compare: 'title:…', 'paragraph:…', 'paragraph2:…' (type, heading level, text). */
export function blockRows(doc: NodeJSON): string[] {
  return (doc.content ?? []).map(
    (b) => `${b.type}${b.attrs?.level ? String(b.attrs.level) : ''}:${b.content?.[0]?.text ?? ''}`,
  );
}

/**
 * One body paragraph, 做好X光检查, twice: plain, and with X光 marked as not a placeholder. The text is the same and
 * only a mark differs, so comparing them is a change of formatting alone (the comparison's and History's tests).
 */
export function markedPair(): { plain: NodeJSON; marked: NodeJSON } {
  return {
    plain: {
      type: 'doc',
      content: [{ type: 'paragraph', attrs: { level: 0 }, content: [{ type: 'text', text: '做好X光检查' }] }],
    },
    marked: {
      type: 'doc',
      content: [
        {
          type: 'paragraph',
          attrs: { level: 0 },
          content: [
            { type: 'text', text: '做好' },
            { type: 'text', text: 'X光', marks: [{ type: 'notPlaceholder' }] },
            { type: 'text', text: '检查' },
          ],
        },
      ],
    },
  };
}
