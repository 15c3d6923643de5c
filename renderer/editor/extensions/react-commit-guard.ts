/**
 * Keeps React's commits from reading the whole speech. Before every commit React notes the focused
 * element's selection so that it can restore it if the commit moves that element, and for a focused
 * element whose `contentEditable` property is "true" it counts the characters of every text node
 * inside it (react-dom's `getSelectionInformation`). The page is that element: with 300,000
 * characters, each commit walked all 3,000 blocks' DOM, 2.5 ms a keystroke in the issue 18 profile
 * (`commitBeforeMutationEffects`, the second largest self time), and every keystroke commits (the
 * outline and the status bar follow it).
 *
 * React never moves the page's element (ProseMirror owns it), and ProseMirror restores its own
 * selection whenever the page regains focus, so the note is never used. The page's element reports
 * its `contentEditable` property as "inherit" to script; the attribute, which is what the browser
 * edits by and what CSS and the tests select on, stays `contenteditable="true"`, and ProseMirror
 * reads the property only to look for "false" (non-editable islands), which this never says.
 */
import { Extension } from '@tiptap/core';
import { Plugin, PluginKey } from '@tiptap/pm/state';

const reactCommitGuardKey = new PluginKey('reactCommitGuard');

/** What the page's element answers when script reads its `contentEditable` property. */
export const REPORTED_CONTENT_EDITABLE = 'inherit';

/**
 * Makes `element.contentEditable` read as "inherit" on this one element, setting it still working as
 * usual. Answers a function that takes the override away again.
 */
export function hideContentEditableFromScript(element: HTMLElement): () => void {
  const native = Object.getOwnPropertyDescriptor(HTMLElement.prototype, 'contentEditable');
  Object.defineProperty(element, 'contentEditable', {
    configurable: true,
    get: () => REPORTED_CONTENT_EDITABLE,
    set: (value: string) => native?.set?.call(element, value),
  });
  return () => {
    delete (element as { contentEditable?: string }).contentEditable;
  };
}

/** The extension: every editor view it is part of hides its element's `contentEditable` from React. */
export const ReactCommitGuard = Extension.create({
  name: 'reactCommitGuard',

  addProseMirrorPlugins() {
    return [
      new Plugin({
        key: reactCommitGuardKey,
        view(view) {
          return { destroy: hideContentEditableFromScript(view.dom) };
        },
      }),
    ];
  },
});
