/**
 * The library on both hosts: section 二 of the sample speech saved as an outline from the outline's
 * context menu, a new speech started from a built-in template, the saved outline inserted after
 * the template's first section and the sidebar showing the combined, renumbered structure; the
 * library exported to a file, imported again (a name conflict: keep both), and imported into a
 * fresh profile.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { outlineRows } from './outline-rows';
import { openSample } from './sample-page';

const library = (page: Page) => page.getByTestId('library');
const entry = (page: Page, name: string) => library(page).getByTestId('library-entry').filter({ hasText: name });

test('save a section as an outline, start from a template, insert it after the first section, share the library', async ({
  app,
}) => {
  const { page } = app;
  await openSample(app);

  // Section 二, from the outline's context menu, as an outline.
  await page.getByTestId('outline-row').filter({ hasText: '二、突出工作重点' }).click({ button: 'right' });
  await page.getByTestId('outline-menu').getByRole('menuitem', { name: '保存此节到素材库…' }).click();
  const save = page.getByTestId('library-save');
  await expect(save.getByRole('radio', { name: /当前章节：二、突出工作重点/ })).toBeChecked();
  await save.getByLabel('名称').fill('重点工作提纲');
  await save.getByLabel('场合').fill('推进会');
  await save.getByRole('button', { name: '保存', exact: true }).click();
  await expect(page.getByTestId('notice')).toContainText('重点工作提纲');

  // File → New from Template: the library opens; start from the built-in 工作会议 template.
  await app.sendCommand({ command: 'newFromTemplate' });
  await entry(page, '全市XX工作会议讲话提纲').getByRole('button').click();
  await library(page).getByRole('button', { name: '以此新建讲稿' }).click();
  await expect
    .poll(() => outlineRows(page))
    .toEqual([
      '一、统一思想、提高站',
      '.（一）成绩来之不易，经',
      '.（二）形势依然严峻，任',
      '二、突出重点、精准发',
      '.（一）聚焦____，着',
      '.（二）聚焦____，着',
      '.（三）聚焦____，着',
      '三、加强领导、压实责',
      '.一要加强组织领导',
      '.二要强化督查考核',
      '.三要切实转变作风',
      '结束语同志们，做好今年',
    ]);

  // The cursor in the first section's last block; insert the saved outline there.
  await page.getByTestId('outline-row').filter({ hasText: '形势依然严峻' }).locator('.outline-label').click();
  await entry(page, '重点工作提纲').getByRole('button').click();
  await expect(library(page).getByTestId('library-preview')).toContainText('一要抓好项目建设');
  await library(page).getByRole('button', { name: '插入到光标处' }).click();
  await expect
    .poll(() => outlineRows(page))
    .toEqual([
      '一、统一思想、提高站',
      '.（一）成绩来之不易，经',
      '.（二）形势依然严峻，任',
      '二、突出工作重点，全',
      '.一要抓好项目建设',
      '.二要抓好要素保障',
      '.三要抓好风险防控',
      '三、突出重点、精准发',
      '.（一）聚焦____，着',
      '.（二）聚焦____，着',
      '.（三）聚焦____，着',
      '四、加强领导、压实责',
      '.一要加强组织领导',
      '.二要强化督查考核',
      '.三要切实转变作风',
      '结束语同志们，做好今年',
    ]);
  // The body of the saved section became prompts, not last year's text.
  const text = await page.locator('.speech').innerText();
  expect(text).toContain('【此处写……】');
  expect(text).not.toContain('坚持把项目建设作为推动发展的总抓手');

  // Export the saved entry, import the file again: same name, keep both.
  const bundle = path.join(app.tmpDir, '素材.speechlib');
  await entry(page, '重点工作提纲').getByRole('checkbox').check();
  await app.answerDialog('save', bundle);
  await library(page).getByRole('button', { name: '导出所选（1）…' }).click();
  await expect(library(page).getByTestId('library-message')).toContainText('已导出 1 个条目');
  await app.answerDialog('open', bundle);
  await library(page).getByRole('button', { name: '导入…' }).click();
  await expect(library(page).getByTestId('library-conflict')).toContainText('重点工作提纲');
  await library(page).getByRole('button', { name: '保留两者' }).click();
  await expect(entry(page, '重点工作提纲')).toHaveCount(2);

  // A fresh profile (a colleague's machine) imports the same file.
  const fresh = await mkdtemp(path.join(tmpdir(), 'lectern-fresh-'));
  try {
    const cli = (...args: string[]) =>
      promisify(execFile)(process.execPath, [path.resolve('bin/lectern.mjs'), 'library', ...args, '--library', fresh]);
    await cli('import', bundle);
    const listed = JSON.parse((await cli('list', '--json')).stdout) as {
      entries: Array<{ name: string; builtIn: boolean }>;
    };
    expect(listed.entries.filter((e) => !e.builtIn).map((e) => e.name)).toEqual(['重点工作提纲']);
    expect(JSON.parse(await readFile(bundle, 'utf8'))).toMatchObject({
      entries: [expect.objectContaining({ name: '重点工作提纲', kind: 'outline', occasion: '推进会' })],
    });
  } finally {
    await rm(fresh, { recursive: true, force: true });
  }
});
