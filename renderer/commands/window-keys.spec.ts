// @vitest-environment jsdom
/**
 * The window's shortcuts and the editor's keymap never share a key: the window's handler listens on the window, so a
 * key the editor also takes would do both (Ctrl+0 zooming to 100 % and making the paragraph body text, issue 14).
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Editor } from '@tiptap/core';
import { COMMAND_INFO, type CommandName } from './command-table';
import { p, press, t, testEditor } from '../editor/test-editor';

let editor: Editor;
afterEach(() => editor?.destroy());

/** An accelerator (`CmdOrCtrl+Alt+0`) in ProseMirror's key notation (`Mod-Alt-0`). */
const keyName = (shortcut: string) =>
  shortcut
    .split('+')
    .map((part) => (part === 'CmdOrCtrl' || part === 'Ctrl' ? 'Mod' : part))
    .join('-');

describe("the window's keys", () => {
  it('are none of the editor’s, on a heading and on body text', () => {
    for (const level of [0, 1]) {
      for (const name of Object.keys(COMMAND_INFO) as CommandName[]) {
        const { shortcut, keys } = COMMAND_INFO[name];
        if (!shortcut || keys === 'editor') continue;
        editor?.destroy();
        editor = testEditor([t('讲话'), p('统一思想认识', level)]);
        editor.commands.setTextSelection(editor.state.doc.child(0).nodeSize + 2);
        const before = editor.getJSON();
        expect(press(editor, keyName(shortcut)), `${name} ${shortcut}`).toBe(false);
        expect(editor.getJSON(), `${name} ${shortcut}`).toEqual(before);
      }
    }
  });
});
