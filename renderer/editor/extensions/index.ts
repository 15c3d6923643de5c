/**
 * The editor's extensions, in registration order: the shared schema first (so the editor, the
 * main process and the exporters read the same tree), then behaviour.
 */
import type { AnyExtension } from '@tiptap/core';
import { Placeholder, UndoRedo } from '@tiptap/extensions';
import { speechNodes } from '../../../shared/document/schema';
import { HeadingNumbers } from './heading-numbers';
import { RunInLead } from './run-in-lead';
import { SpeechBlocks } from './speech-blocks';
import { LineBreakCommands } from './line-break';

/** Hints shown in empty blocks, by block type (translated by the caller). */
export interface EmptyBlockHints {
  title: string;
  byline: string;
  salutation: string;
}

export function speechExtensions(hints?: EmptyBlockHints): AnyExtension[] {
  return [
    ...speechNodes,
    LineBreakCommands,
    SpeechBlocks,
    HeadingNumbers,
    RunInLead,
    UndoRedo.configure({ depth: 500, newGroupDelay: 500 }),
    Placeholder.configure({
      includeChildren: false,
      showOnlyCurrent: false,
      placeholder: ({ node }) => (hints && node.type.name in hints ? hints[node.type.name as keyof EmptyBlockHints] : ''),
    }),
  ];
}
