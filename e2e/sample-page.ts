/**
 * The sample speech opened in the app, and what the specs read of the editor while they work on it: its
 * document, its caret, its headings. One copy for the outline, keyboard, placeholder, export and library specs.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, type App } from './fixtures';
import { sampleDocJSON } from './sample-speech';

/** The test handle the web host exposes on `window.lecternEditor`, as far as the specs read it. */
type EditorHandle = {
  view: { posAtDOM(node: Node, offset: number): number };
  state: { selection: { head: number } };
};
type Handle = {
  getJSON(): unknown;
  state: { selection: { from: number }; doc: { resolve(pos: number): { index(depth: number): number } } };
};

/** The sample speech's title, which the page shows once the file has opened. */
export const SAMPLE_TITLE = '在全市XX工作推进会上的讲话';

/**
 * Writes the sample speech as a version-1 `.speech` file named `name` in the test's folder and opens it with
 * Ctrl+O, as a user does; resolves once the page shows its title and the outline its first row. Answers the
 * document JSON written (what one undo must give back exactly) and the file's path.
 */
export async function openSample(app: App, name = 'sample.speech'): Promise<{ doc: unknown; file: string }> {
  const doc = sampleDocJSON();
  const file = path.join(app.tmpDir, name);
  await writeFile(
    file,
    JSON.stringify({ format: 'lectern.speech', version: 1, meta: {}, placeholders: { values: {}, ignored: [] }, doc }),
  );
  await app.answerDialog('open', file);
  await app.page.keyboard.press('Control+o');
  await expect(app.page.locator('.speech h1')).toHaveText(SAMPLE_TITLE);
  await expect(app.page.getByTestId('outline').locator('[data-testid="outline-row"]').first()).toBeVisible();
  return { doc, file };
}

/** The editor's document JSON, read through the test handle. */
export const editorJSON = (page: Page) =>
  page.evaluate(() => (window as unknown as { lecternEditor: Handle }).lecternEditor.getJSON());

/** The caret's document position. */
export const caret = (page: Page) =>
  page.evaluate(() => (window as unknown as { lecternEditor: Handle }).lecternEditor.state.selection.from);

/**
 * Whether the editor's caret is where the screen shows it. Keys the browser moves the caret for itself (End, the
 * arrows) tell the editor a moment later, through selectionchange: a spec reads the caret after that.
 */
export const caretSettled = (page: Page) =>
  page.evaluate(() => {
    const { view, state } = (window as unknown as { lecternEditor: EditorHandle }).lecternEditor;
    const shown = document.getSelection();
    return !!shown?.focusNode && view.posAtDOM(shown.focusNode, shown.focusOffset) === state.selection.head;
  });

/** The index of the top-level block that holds the caret. */
export const cursorBlock = (page: Page) =>
  page.evaluate(() => {
    const editor = (window as unknown as { lecternEditor: Handle }).lecternEditor;
    return editor.state.doc.resolve(editor.state.selection.from).index(0);
  });

/** The page's numbered headings in order, each as its drawn number and its first four characters. */
export const headings = (page: Page) =>
  page
    .locator('.speech [data-number]')
    .evaluateAll((els) => els.map((el) => `${el.getAttribute('data-number')}${(el.textContent ?? '').slice(0, 4)}`));

/**
 * The sample's headings once section 三 (强化组织保障) stands above 二 (突出工作重点), renumbered: what moving it up
 * gives, by a mouse drag, a keyboard drag or Alt+Shift+↑ alike.
 */
export const THREE_ABOVE_TWO = [
  '一、统一思想',
  '（一）充分认识',
  '（二）清醒认识',
  '二、强化组织',
  '1.加强组织',
  '2.强化督查',
  '3.营造良好',
  '三、突出工作',
];
