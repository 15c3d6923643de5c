/**
 * The editor's extensions, in registration order: the shared schema first (so the editor, the
 * main process and the exporters read the same tree), then behaviour.
 */
import type { AnyExtension } from '@tiptap/core';
import { UndoRedo } from '@tiptap/extensions';
import { speechNodes } from '../../../shared/document/schema';
import type { SectionRefusal } from '../../../shared/document/sections';
import { HeadingNumbers } from './heading-numbers';
import { BlockStyles, type EmptyBlockHints } from './block-styles';
import { CaretBlock } from './caret-block';
import { ScrollSettle } from '../settle-scroll';
import { SpeechBlocks } from './speech-blocks';
import { LineBreakCommands } from './line-break';
import { OutlineTracker } from './outline-state';
import { SectionCommands } from './section-commands';
import { Placeholders } from './placeholders';
import { ImportPaste } from './import-paste';
import { CaretSync } from './caret-sync';
import { ReactCommitGuard } from './react-commit-guard';
import type { ImportSource } from '../../../shared/import/index';

export type { EmptyBlockHints } from './block-styles';

export interface SpeechExtensionOptions {
  hints?: EmptyBlockHints;
  /** Whether to refuse section moves that leave a heading skipping a level (read at each move). */
  checkLevels?: () => boolean;
  /** Told why a section move or promotion was refused. */
  onSectionRefused?: (reason: SectionRefusal) => void;
  /** Placeholder highlighting and filling; on unless a benchmark turns it off to compare. */
  placeholders?: boolean;
  /**
   * Shows the import report for a pasted speech (several paragraphs, or Word/WPS rich text); without it, pastes are
   * ordinary.
   */
  onImportPaste?: (source: ImportSource) => void;
}

export function speechExtensions(options: SpeechExtensionOptions = {}): AnyExtension[] {
  const { hints } = options;
  return [
    ...speechNodes,
    CaretSync,
    ReactCommitGuard,
    LineBreakCommands,
    SpeechBlocks,
    SectionCommands.configure({
      checkLevels: options.checkLevels ?? (() => false),
      onRefuse: options.onSectionRefused ?? (() => {}),
    }),
    HeadingNumbers,
    BlockStyles.configure({ hints }),
    CaretBlock,
    ScrollSettle,
    OutlineTracker,
    ...(options.placeholders === false ? [] : [Placeholders]),
    ...(options.onImportPaste ? [ImportPaste.configure({ onImport: options.onImportPaste })] : []),
    UndoRedo.configure({ depth: 500, newGroupDelay: 500 }),
  ];
}
