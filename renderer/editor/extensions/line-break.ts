/**
 * `setHardBreak`: a line break inside a block (Shift+Enter), for a long title broken by hand.
 * The node itself is defined in the shared schema; this adds the command.
 */
import { Extension } from '@tiptap/core';

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    lineBreak: {
      /** Inserts a line break at the cursor, replacing the selection. */
      setHardBreak: () => ReturnType;
    };
  }
}

export const LineBreakCommands = Extension.create({
  name: 'lineBreakCommands',

  addCommands() {
    return {
      setHardBreak:
        () =>
        ({ state, tr, dispatch }) => {
          const type = state.schema.nodes.hardBreak;
          if (!type || !state.selection.$from.parent.isTextblock) return false;
          dispatch?.(tr.replaceSelectionWith(type.create()).scrollIntoView());
          return true;
        },
    };
  },
});
