/**
 * Keyboard and screen readers on the sample speech (issue 12, item 8): F6 / Shift+F6 cycle the
 * regions and keep the page's caret, Esc in a panel returns to the page, the status bar and the
 * placeholder panel are reached without a mouse, the outline is a tree (arrows, Enter, Alt+Shift),
 * a section moves by keyboard drag with every announcement in the UI's language, the outline's
 * context menu and the dialogs work by keyboard. Written once for both hosts.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { outlineRows } from './outline-rows';
import { caret, caretSettled, cursorBlock, editorJSON, headings, openSample, THREE_ABOVE_TWO } from './sample-page';

/** Which region holds the keyboard: toolbar, outline, page, a side panel's test id, status; or the focused tag. */
const focusedRegion = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return 'body';
    if (el.closest('[role="toolbar"]')) return 'toolbar';
    if (el.closest('.outline-panel')) return 'outline';
    if (el.closest('.desk')) return el.closest('.ProseMirror') ? 'page' : 'desk';
    const aside = el.closest('aside');
    if (aside) return aside.getAttribute('data-testid') ?? 'aside';
    if (el.closest('footer')) return 'status';
    return el.tagName.toLowerCase();
  });

/** Presses `key` `times` times, answering the region that holds the keyboard after each press. */
async function regionsAfter(page: Page, key: string, times: number): Promise<string[]> {
  const regions: string[] = [];
  for (let i = 0; i < times; i++) {
    await page.keyboard.press(key);
    regions.push(await focusedRegion(page));
  }
  return regions;
}

/** The focused outline row's number and first words, if an outline row itself has the keyboard. */
const focusedRow = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement;
    if (!(el instanceof HTMLElement) || !el.matches('.outline-row')) return null;
    return `${el.querySelector('.outline-number')?.textContent ?? ''}${el.querySelector('.outline-text')?.textContent ?? ''}`.slice(
      0,
      6,
    );
  });

/** What dnd-kit's live region says now. */
const spoken = (page: Page) => page.locator('[id^="DndLiveRegion"]').innerText();

test('F6 and Shift+F6 cycle toolbar, outline, page, side panel and status bar; the page keeps its caret', async ({
  app,
}) => {
  await openSample(app);
  const page = app.page;
  await page.getByTestId('placeholder-status').click();
  await expect(page.getByTestId('placeholders')).toBeVisible();
  await page.getByTestId('outline').getByRole('button', { name: /^三、/ }).click();
  await page.keyboard.press('End');
  await expect.poll(() => caretSettled(page)).toBe(true);
  const before = await caret(page);
  await expect.poll(() => focusedRegion(page)).toBe('page');
  expect(await regionsAfter(page, 'F6', 5)).toEqual(['placeholders', 'status', 'toolbar', 'outline', 'page']);
  expect(await caret(page)).toBe(before);
  expect(await regionsAfter(page, 'Shift+F6', 5)).toEqual(['outline', 'toolbar', 'status', 'placeholders', 'page']);
  expect(await caret(page)).toBe(before);
  // The outline is entered on the section the caret is in.
  await page.keyboard.press('Shift+F6');
  expect(await focusedRow(page)).toBe('三、强化组织');
  // Typing after the round trip lands at the caret, in 三's heading.
  await page.keyboard.press('F6');
  await page.keyboard.type('甲');
  await expect(page.locator('.speech [data-number="三、"]')).toContainText('甲');
});

test('the status bar and the placeholder panel are reached by keyboard; Esc in the panel returns to the page', async ({
  app,
}) => {
  const { doc: original } = await openSample(app);
  const page = app.page;
  await page.getByTestId('editor').focus();
  const before = await caret(page);
  // Tab keeps its meaning in the page (it demotes headings), so the page says how to leave it.
  await expect(page.getByTestId('editor')).toHaveAttribute('aria-description', /F6/);
  await page.keyboard.press('F6');
  await expect.poll(() => focusedRegion(page)).toBe('status');
  await expect(page.getByTestId('timing')).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByTestId('placeholder-status')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('placeholders')).toBeVisible();
  // The panel sits between the page and the status bar.
  await page.keyboard.press('Shift+F6');
  await expect.poll(() => focusedRegion(page)).toBe('placeholders');
  const field = page.getByRole('textbox', { name: '“X市”的填入内容' });
  await field.focus();
  await page.keyboard.type('临江');
  await page.keyboard.press('Escape');
  await expect.poll(() => focusedRegion(page)).toBe('page');
  expect(await caret(page)).toBe(before);
  await expect(field).toHaveValue('临江');
  expect(await editorJSON(page)).toEqual(original);
  // Esc in the status bar and the toolbar returns to the page too.
  await page.keyboard.press('F6');
  await page.keyboard.press('F6');
  await expect.poll(() => focusedRegion(page)).toBe('status');
  await page.keyboard.press('Escape');
  await expect.poll(() => focusedRegion(page)).toBe('page');
});

test('the outline is a tree: ↑↓ Home End move, ←→ collapse and expand, Enter jumps, Alt+Shift+↑ moves the section', async ({
  app,
}) => {
  await openSample(app);
  const page = app.page;
  const outline = page.getByTestId('outline');
  await page.getByTestId('editor').focus();
  await page.keyboard.press('Shift+F6');
  // One tab stop for the tree: the caret is in the title, so the first row.
  await expect(outline.locator('[role="treeitem"][tabindex="0"]')).toHaveCount(1);
  expect(await focusedRow(page)).toBe('一、统一思想');
  const moves: (string | null)[] = [];
  for (const key of ['ArrowDown', 'ArrowDown', 'ArrowDown']) {
    await page.keyboard.press(key);
    moves.push(await focusedRow(page));
  }
  expect(moves).toEqual(['（一）充分认', '（二）清醒认', '二、突出工作']);
  // ← on an open section closes it; ↓ then skips its points.
  await page.keyboard.press('ArrowLeft');
  await expect(outline.locator('li.outline-item[data-index="9"] > .outline-row')).toHaveAttribute(
    'aria-expanded',
    'false',
  );
  expect(await outlineRows(page)).not.toContain('.一要抓好项目建设');
  await page.keyboard.press('ArrowDown');
  expect(await focusedRow(page)).toBe('三、强化组织');
  await page.keyboard.press('ArrowUp');
  // → opens it again, a second → goes to its first point, ← from there to the section.
  await page.keyboard.press('ArrowRight');
  await expect(outline.locator('li.outline-item[data-index="9"] > .outline-row')).toHaveAttribute(
    'aria-expanded',
    'true',
  );
  expect(await outlineRows(page)).toContain('.一要抓好项目建设');
  await page.keyboard.press('ArrowRight');
  expect(await focusedRow(page)).toBe('一要抓好项目');
  await page.keyboard.press('ArrowLeft');
  expect(await focusedRow(page)).toBe('二、突出工作');
  // The last row is the closing remarks (结束语), after the last section's points.
  await page.keyboard.press('End');
  expect(await focusedRow(page)).toBe('结束语同志们');
  await page.keyboard.press('ArrowUp');
  expect(await focusedRow(page)).toBe('3.营造良好');
  await page.keyboard.press('Home');
  expect(await focusedRow(page)).toBe('一、统一思想');
  // Enter on 三 puts the caret there, in the page.
  for (let i = 0; i < 7; i++) await page.keyboard.press('ArrowDown');
  expect(await focusedRow(page)).toBe('三、强化组织');
  await page.keyboard.press('Enter');
  await expect.poll(() => focusedRegion(page)).toBe('page');
  expect(await cursorBlock(page)).toBe(14);
  // Back in the tree on 三, Alt+Shift+↑ moves it above 二 and the keyboard stays on it.
  await page.keyboard.press('Shift+F6');
  expect(await focusedRow(page)).toBe('三、强化组织');
  await page.keyboard.press('Alt+Shift+ArrowUp');
  await expect.poll(() => headings(page)).toEqual(THREE_ABOVE_TWO);
  await expect.poll(() => focusedRow(page)).toBe('二、强化组织');
  // Esc in the outline returns to the page, the caret in the moved section.
  await page.keyboard.press('Escape');
  await expect.poll(() => focusedRegion(page)).toBe('page');
  await expect.poll(() => cursorBlock(page)).toBe(9);
});

/**
 * Space on a focused row picks its section up. dnd-kit's keyboard sensor starts listening for the drag's keys
 * (arrows, Space, Esc) only in a task after the pickup (a setTimeout in its attach), so a key sent in the same
 * moment would go unheard; a user never types that fast, the test waits that one task.
 */
async function pickUp(page: Page): Promise<void> {
  await page.keyboard.press('Space');
  await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 0)));
}

test('a keyboard drag moves the section, every announcement in Chinese; Esc cancels a drag and stays in the outline', async ({
  app,
}) => {
  const { doc: original } = await openSample(app);
  const page = app.page;
  const row = (index: number) =>
    page.getByTestId('outline').locator(`li.outline-item[data-index="${index}"] > .outline-row`);
  // The instructions a screen reader reads on a row are Chinese.
  const describedBy = await row(14).getAttribute('aria-describedby');
  await expect(page.locator(`[id="${describedBy}"]`)).toHaveText(/按空格键拿起此节/);
  await row(14).focus();
  // Picked up, then Esc: nothing moves, it says so, and the keyboard stays on the row.
  await pickUp(page);
  await expect.poll(() => spoken(page)).toBe('已拿起“三、强化组织保障，确保各项决策部署落到实处”。');
  await page.keyboard.press('Escape');
  await expect.poll(() => spoken(page)).toBe('已取消移动，“三、强化组织保障，确保各项决策部署落到实处”留在原处。');
  expect(await editorJSON(page)).toEqual(original);
  await expect(row(14)).toBeFocused();
  // Picked up again, two lines up (its own, then 二's), dropped: 三 now comes before 二.
  await pickUp(page);
  await page.keyboard.press('ArrowUp');
  await expect(page.getByTestId('outline-drop-14')).toHaveClass(/over/);
  await page.keyboard.press('ArrowUp');
  await expect(page.getByTestId('outline-drop-9')).toHaveClass(/over/);
  await expect.poll(() => spoken(page)).toBe('将放在“二、突出工作重点，全力推动各项任务落地见效”之前。');
  await page.keyboard.press('Space');
  await expect.poll(() => headings(page)).toEqual(THREE_ABOVE_TWO);
  await expect
    .poll(() => spoken(page))
    .toBe('已将“三、强化组织保障，确保各项决策部署落到实处”放在“二、突出工作重点，全力推动各项任务落地见效”之前。');
  expect(await spoken(page)).not.toMatch(/[A-Za-z]/);
  // One undo restores the speech.
  await page.getByTestId('editor').focus();
  await page.keyboard.press('Control+z');
  expect(await editorJSON(page)).toEqual(original);
});

test('in the English UI the drag is announced in English', async ({ app }) => {
  await openSample(app);
  const page = app.page;
  await page.getByRole('combobox', { name: '界面语言' }).selectOption('en');
  await expect(page.getByTestId('editor')).toHaveAttribute('aria-description', /^Press F6 or Shift\+F6/);
  const row = page.getByTestId('outline').locator('li.outline-item[data-index="14"] > .outline-row');
  const describedBy = await row.getAttribute('aria-describedby');
  await expect(page.locator(`[id="${describedBy}"]`)).toHaveText(/Press Space to pick up this section/);
  await row.focus();
  await pickUp(page);
  await expect.poll(() => spoken(page)).toMatch(/^Picked up “三、强化组织保障/);
  await page.keyboard.press('Escape');
  await expect.poll(() => spoken(page)).toMatch(/^Moving canceled;/);
});

test('the outline’s context menu opens with Shift+F10 and Esc closes it; its item opens a dialog Esc closes', async ({
  app,
}) => {
  const { doc: original } = await openSample(app);
  const page = app.page;
  const row = page.getByTestId('outline').locator('li.outline-item[data-index="9"] > .outline-row');
  await row.focus();
  await page.keyboard.press('Shift+F10');
  const item = page.getByTestId('outline-menu').getByRole('menuitem', { name: '保存此节到素材库…' });
  await expect(item).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(item).toBeHidden();
  await expect(row).toBeFocused();
  await page.keyboard.press('Shift+F10');
  await page.keyboard.press('ArrowDown');
  await expect(item).toBeFocused();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: '保存到素材库' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('radio', { name: /当前章节：二、突出工作重点/ })).toBeChecked();
  expect(await page.evaluate(() => Boolean(document.activeElement?.closest('[role="dialog"]')))).toBe(true);
  // F6 does not leave a modal dialog.
  await page.keyboard.press('F6');
  expect(await page.evaluate(() => Boolean(document.activeElement?.closest('[role="dialog"]')))).toBe(true);
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  expect(await editorJSON(page)).toEqual(original);
});

test('a dialog opened from the status bar keeps Tab inside it, and Esc gives the keyboard back to the button', async ({
  app,
}) => {
  await openSample(app);
  const page = app.page;
  await page.getByTestId('editor').focus();
  await page.keyboard.press('F6');
  await expect(page.getByTestId('timing')).toBeFocused();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: '文档属性' });
  await expect(dialog).toBeVisible();
  for (let i = 0; i < 12; i++) {
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => Boolean(document.activeElement?.closest('[role="dialog"]')))).toBe(true);
  }
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('timing')).toBeFocused();
});

test.describe('with no document open', () => {
  test.use({ keepStartView: true });

  test('F6 takes the keyboard into the start view, not into the page hidden under it, and Esc leaves it there', async ({
    app,
  }) => {
    const page = app.page;
    const inStartView = () =>
      page.evaluate(() => Boolean(document.activeElement?.closest('[data-testid="start-view"]')));
    await expect(page.getByTestId('start-view')).toBeVisible();
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press('F6');
    await expect.poll(inStartView).toBe(true);
    await page.keyboard.press('Escape');
    expect(await inStartView()).toBe(true);
    await page.keyboard.press('Shift+F6');
    expect(await inStartView()).toBe(true);
  });
});
