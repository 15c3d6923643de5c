/**
 * The outline sidebar on the sample speech: its tree, jumping, dragging a section with one-step
 * undo, Alt+Shift+arrows, timing against a target. Written once for both hosts.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, test } from './fixtures';
import { dragRow, outlineRows } from './outline-rows';
import { cursorBlock, editorJSON, headings, openSample, THREE_ABOVE_TWO } from './sample-page';

test('the sidebar lists the sections, their subsections and enumerated points', async ({ app }) => {
  await openSample(app);
  expect(await outlineRows(app.page)).toEqual([
    '一、统一思想认识，切',
    '.（一）充分认识做好XX',
    '.（二）清醒认识当前存在',
    '二、突出工作重点，全',
    '.一要抓好项目建设',
    '.二要抓好要素保障',
    '.三要抓好风险防控',
    '三、强化组织保障，确',
    '.1.加强组织领导。',
    '.2.强化督查考核。',
    '.3.营造良好氛围。',
    // The closing remarks: an entry of their own, in no section.
    '结束语同志们，做好下半',
  ]);
  await expect(app.page.getByTestId('outline').locator('.outline-meta').first()).toContainText(/\d+字 · \d+′\d\d″/);
});

test('clicking 三 puts the cursor there and highlights it', async ({ app }) => {
  await openSample(app);
  const outline = app.page.getByTestId('outline');
  await outline.getByRole('button', { name: /^三、/ }).click();
  expect(await cursorBlock(app.page)).toBe(14);
  await expect(outline.locator('.outline-row.active .outline-number')).toHaveText('三、');
});

test('dragging 三 above 二 moves the whole section and renumbers; one undo restores the document exactly', async ({
  app,
}) => {
  const { doc: original } = await openSample(app);
  const page = app.page;
  const outline = page.getByTestId('outline');
  await dragRow(
    page,
    outline.locator('li.outline-item[data-index="14"] > .outline-row'),
    outline.getByTestId('outline-drop-9'),
  );
  await expect.poll(() => headings(page)).toEqual(THREE_ABOVE_TWO);
  const text = await page.locator('.speech').innerText();
  expect(text.indexOf('强化组织保障')).toBeLessThan(text.indexOf('突出工作重点'));
  expect(text.indexOf('营造良好氛围')).toBeLessThan(text.indexOf('突出工作重点'));
  await page.getByTestId('editor').focus();
  await page.keyboard.press('Control+z');
  expect(await editorJSON(page)).toEqual(original);
});

test('Alt+Shift+↑ moves the current section above its sibling; Alt+Shift+→/← demote and promote it with its subsections', async ({
  app,
}) => {
  await openSample(app);
  const page = app.page;
  await page.getByTestId('outline').getByRole('button', { name: /^三、/ }).click();
  await page.keyboard.press('Alt+Shift+ArrowUp');
  await expect.poll(() => headings(page)).toEqual(THREE_ABOVE_TWO);
  await page.keyboard.press('Alt+Shift+ArrowRight');
  await expect
    .poll(() => headings(page))
    .toEqual([
      '一、统一思想',
      '（一）充分认识',
      '（二）清醒认识',
      '（三）强化组织',
      '（1）加强组织',
      '（2）强化督查',
      '（3）营造良好',
      '二、突出工作',
    ]);
  await page.keyboard.press('Alt+Shift+ArrowLeft');
  await expect.poll(() => headings(page)).toEqual(THREE_ABOVE_TWO);
});

test('the status bar shows the speaking time against the target, in red when over', async ({ app }) => {
  await openSample(app);
  const page = app.page;
  const timing = page.getByTestId('timing');
  await expect(timing).toHaveText(/^\d+′\d\d″$/);
  // What the user sees: the time in the status bar's own colour and weight while there is no target to be over.
  const RED = 'rgb(198, 40, 40)';
  const look = () => timing.evaluate((el) => `${getComputedStyle(el).color} ${getComputedStyle(el).fontWeight}`);
  const barColour = await page.locator('.status-bar').evaluate((el) => getComputedStyle(el).color);
  expect(await look()).toBe(`${barColour} 400`);
  await timing.click();
  await page.getByLabel('目标时长（分钟）').fill('1');
  await page.getByRole('button', { name: '确定' }).click();
  await expect(timing).toHaveText(/^\d+′\d\d″ \/ 1′$/);
  await expect(timing).toHaveAttribute('data-over', 'true');
  expect(await look()).toBe(`${RED} 600`);
  await expect(page.getByTestId('save-state')).toHaveAttribute('data-dirty', 'true');
  await timing.click();
  await page.getByLabel('目标时长（分钟）').fill('30');
  await page.getByRole('button', { name: '确定' }).click();
  await expect(timing).toHaveAttribute('data-over', 'false');
  expect(await look()).toBe(`${barColour} 400`);
});

test('Ctrl+\\ hides and shows the outline', async ({ app }) => {
  await openSample(app);
  await app.page.getByTestId('editor').focus();
  await app.page.keyboard.press('Control+\\');
  await expect(app.page.getByTestId('outline')).toHaveCount(0);
  await app.page.keyboard.press('Control+\\');
  await expect(app.page.getByTestId('outline')).toBeVisible();
});

test('in the sidebar, Alt+Shift+↓ moves a row’s section; a demotion that would skip a level is refused with a message', async ({
  app,
}) => {
  const { doc: original } = await openSample(app);
  const page = app.page;
  const row = (index: number) =>
    page.getByTestId('outline').locator(`li.outline-item[data-index="${index}"] > .outline-row`);
  await row(5).focus();
  await page.keyboard.press('Alt+Shift+ArrowDown');
  await expect
    .poll(() => headings(page))
    .toEqual([
      '一、突出工作',
      '二、统一思想',
      '（一）充分认识',
      '（二）清醒认识',
      '三、强化组织',
      '1.加强组织',
      '2.强化督查',
      '3.营造良好',
    ]);
  await expect(page.locator('.outline-panel .outline-row.active')).toBeFocused();
  await page.keyboard.press('Alt+Shift+ArrowUp');
  await expect.poll(() => editorJSON(page)).toEqual(original);
  // Demoting 一、 would make the speech open with a level-2 heading: refused whole, and said why.
  await row(5).focus();
  await page.keyboard.press('Alt+Shift+ArrowRight');
  await expect(page.getByTestId('notice')).toContainText('跳级');
  expect(await editorJSON(page)).toEqual(original);
});

test('in a long speech a jump lands where it is aimed, the blocks off screen drawn only as they come into view', async ({
  app,
}) => {
  // 60 sections of 12 paragraphs of six lines each: an off-screen block holds a guess of two lines until it is drawn.
  const body = `${'全市上下认真贯彻落实市委决策部署，推动各项工作取得新进展。'.repeat(6)}`;
  const content = Array.from({ length: 60 }, (_, s) => [
    { type: 'paragraph', attrs: { level: 1, runIn: false }, content: [{ type: 'text', text: `第${s + 1}部分工作` }] },
    ...Array.from({ length: 12 }, () => ({
      type: 'paragraph',
      attrs: { level: 0, runIn: false },
      content: [{ type: 'text', text: body }],
    })),
  ]).flat();
  const doc = { type: 'doc', content: [{ type: 'title', content: [{ type: 'text', text: '长篇讲话' }] }, ...content] };
  const file = path.join(app.tmpDir, 'long.speech');
  const speech = { format: 'lectern.speech', version: 1, meta: {}, placeholders: { values: {}, ignored: [] }, doc };
  await writeFile(file, JSON.stringify(speech));
  await app.answerDialog('open', file);
  const { page } = app;
  await page.keyboard.press('Control+o');
  await expect(page.locator('.speech h1')).toHaveText('长篇讲话');
  const desk = page.locator('.desk');
  const deskBox = (await desk.boundingBox())!;
  for (const section of [50, 12, 59]) {
    await page.locator('.outline-panel .outline-label', { hasText: `第${section}部分工作` }).click();
    const heading = page.locator('.speech p[data-level="1"]', { hasText: `第${section}部分工作` });
    // Centred in the desk, as a short speech's heading is, once the blocks around it are drawn at their heights.
    await expect
      .poll(async () => {
        const box = (await heading.boundingBox())!;
        return Math.abs(box.y + box.height / 2 - (deskBox.y + deskBox.height / 2));
      })
      .toBeLessThan(8);
    await page.waitForTimeout(700);
    const box = (await heading.boundingBox())!;
    expect(Math.abs(box.y + box.height / 2 - (deskBox.y + deskBox.height / 2)), `第${section}部分`).toBeLessThan(8);
  }
  // The browser's own jumps too: Ctrl+End and Ctrl+Home leave the caret on screen.
  const caretOnScreen = () =>
    page.evaluate(() => {
      const desk = document.querySelector('.desk')!.getBoundingClientRect();
      const node = getSelection()!.anchorNode!;
      const block = (node instanceof Element ? node : node.parentElement!).closest('.speech > *')!;
      const box = block.getBoundingClientRect();
      return box.bottom > desk.top && box.top < desk.bottom;
    });
  for (const key of ['Control+End', 'Control+Home', 'Control+End']) {
    await page.keyboard.press(key);
    await page.waitForTimeout(700);
    expect(await caretOnScreen(), key).toBe(true);
  }
  // Off screen the blocks skip their layout; the caret's does not.
  await expect(page.locator('.speech > .has-caret')).toHaveCount(1);
  expect(
    await page
      .locator('.speech > p')
      .nth(100)
      .evaluate((el) => getComputedStyle(el).contentVisibility),
  ).toBe('auto');
});
