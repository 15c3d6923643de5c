/**
 * File → Export on the sample speech: the placeholders left are listed first with links, then the
 * file is written where the user chose; the font check shows under the profile. Written once for both hosts.
 */
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, test } from './fixtures';
import { describeParity, libreOfficePdfs, pageParity, pdfPageStarts } from './page-parity';
import { readPdfPages } from './pdf-pages';
import { openSample } from './sample-page';

test('export warns about placeholders first, then writes the DOCX and the PDF where chosen', async ({ app }) => {
  const page = app.page;
  await openSample(app, '推进会.speech');

  await page.keyboard.press('Control+Shift+e');
  await expect(page.getByTestId('export-warning')).toContainText('还有 22 处占位符未填');
  await expect(page.getByLabel('上', { exact: true })).toHaveValue('37');
  await expect(page.getByLabel('左', { exact: true })).toHaveValue('28');
  await expect(page.getByLabel('正文字体')).toHaveValue('fangsong');
  await expect(page.getByLabel('一级标题')).toHaveValue('heiti');
  // A link jumps to the placeholder (closing the dialog).
  await page.getByTestId('export-warning').getByRole('button', { name: 'X市 ×1' }).click();
  await expect(page.getByTestId('export-warning')).toHaveCount(0);
  expect(await page.evaluate(() => window.getSelection()?.toString())).toBe('X市');

  await page.keyboard.press('Control+Shift+e');
  await app.answerDialog('save', path.join(app.tmpDir, '推进会'));
  await page.getByRole('button', { name: '仍然导出' }).click();
  await expect(page.getByTestId('notice')).toContainText('已导出“推进会.docx”');
  expect((await readFile(path.join(app.tmpDir, '推进会.docx'))).subarray(0, 2).toString()).toBe('PK');
  await page.getByRole('button', { name: '在文件夹中显示' }).click();
  await expect.poll(async () => (await app.state()).shownInFolder).toEqual([path.join(app.tmpDir, '推进会.docx')]);

  await page.keyboard.press('Control+Shift+e');
  await page.getByLabel('格式').selectOption('pdf');
  await page.getByLabel('版式').selectOption('large');
  await expect(page.getByLabel('上', { exact: true })).toHaveValue('25');
  await expect(page.getByLabel('正文字号（磅）')).toHaveValue('22');
  // An adjusted value is used and offered again next time.
  await page.getByLabel('正文字号（磅）').fill('20');
  await app.answerDialog('save', path.join(app.tmpDir, '大字版.pdf'));
  // The font check's lines come in when main answers and push the buttons down; click once they are there.
  await expect(page.getByRole('status', { name: '字体检查' }).getByRole('listitem').first()).toBeVisible();
  await page.getByRole('button', { name: '仍然导出' }).click();
  await expect(page.getByTestId('notice')).toContainText('已导出“大字版.pdf”', { timeout: 30_000 });
  expect((await readFile(path.join(app.tmpDir, '大字版.pdf'))).subarray(0, 5).toString()).toBe('%PDF-');
  await page.keyboard.press('Control+Shift+e');
  await page.getByLabel('版式').selectOption('large');
  await expect(page.getByLabel('正文字号（磅）')).toHaveValue('20');
});

test('Ctrl+P prints through the system dialog, listing placeholders first', async ({ app }) => {
  const page = app.page;
  await page.getByTestId('editor').click();
  await page.keyboard.insertText('在X市的讲话');
  await page.keyboard.press('Control+p');
  await expect(page.getByRole('dialog', { name: '打印' })).toBeVisible();
  await expect(page.getByTestId('export-warning')).toContainText('还有 1 处占位符未填');
  await expect(page.getByLabel('格式')).toBeHidden();
  await page.getByRole('button', { name: '仍然打印' }).click();
  await expect.poll(async () => (await app.state()).printed).toBe(1);
});

test('the export dialog checks the fonts: the face each part gets, the characters it lacks, CFF in a PDF', async ({
  app,
}) => {
  const page = app.page;
  await page.getByTestId('editor').click();
  // 堃 and 喆 are not in GB 2312: the byline's 楷体_GB2312 (here AR PL KaitiM GB through fonts.conf) lacks them.
  await page.keyboard.insertText('王堃、张喆同志在全市工作会议上的讲话');
  await page.keyboard.press('Control+Shift+e');
  const fonts = page.getByTestId('export-fonts');
  await expect(fonts).toContainText('字体：署名、二级标题 楷体_GB2312（本机以 AR PL KaitiM GB 显示）');
  await expect(fonts).toContainText('缺字：堃、喆（楷体_GB2312 中没有）');
  await expect(fonts).toContainText('字体：正文、三级标题、四级标题 仿宋_GB2312');
  // The title's 方正小标宋简体 is Noto Serif CJK SC here, a CFF face: said for a PDF, not for a DOCX.
  await expect(fonts).not.toContainText('CFF');
  await page.getByLabel('格式').selectOption('pdf');
  // The PDF embeds the TrueType 宋体 (AR PL SungtiL GB here) of the title's chain instead, and says so.
  await expect(fonts).toContainText(
    '标题字体 Noto Serif CJK SC 为 CFF 格式，PDF 改用同一字体链中的 AR PL SungtiL GB（TrueType）嵌入',
  );
  // The check follows the faces chosen: a 黑体 title is WenQuanYi Zen Hei here, TrueType.
  await page.getByLabel('标题字体').selectOption('heiti');
  await expect(fonts).toContainText('字体：标题、一级标题 黑体');
  await expect(fonts).not.toContainText('CFF');
  await page.getByLabel('标题字体').selectOption('xiaobiaosong');
  await expect(fonts).toContainText('标题字体 Noto Serif CJK SC 为 CFF 格式');
  await page.screenshot({ path: test.info().outputPath('font-check.png') });
  // The check never blocks the export.
  await page.getByLabel('格式').selectOption('docx');
  await app.answerDialog('save', path.join(app.tmpDir, '王堃'));
  await page.getByRole('button', { name: '导出', exact: true }).click();
  await expect(page.getByTestId('notice')).toContainText('已导出“王堃.docx”');
});

test('the font check arriving does not move the dialog’s buttons', async ({ app }) => {
  const page = app.page;
  await page.getByTestId('editor').click();
  await page.keyboard.insertText('王堃、张喆同志在全市工作会议上的讲话');
  // Hold the check's answer, as a slow machine would, to see the dialog before and after it.
  let release: () => void = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/ipc/checkFonts', async (route) => {
    await held;
    await route.continue();
  });
  await page.keyboard.press('Control+Shift+e');
  const fonts = page.getByTestId('export-fonts');
  await expect(fonts).toContainText('正在检查');
  const exportButton = page.getByRole('button', { name: '导出', exact: true });
  const before = await exportButton.boundingBox();
  release();
  await expect(fonts).toContainText('缺字：堃、喆');
  expect(await exportButton.boundingBox()).toEqual(before);
});

test('the DOCX and the PDF the app writes break pages at the same places (issue 14)', async ({ app }) => {
  const page = app.page;
  await openSample(app, '推进会.speech');
  const write = async (format: 'docx' | 'pdf') => {
    await page.keyboard.press('Control+Shift+e');
    await page.getByLabel('格式').selectOption(format);
    await app.answerDialog('save', path.join(app.tmpDir, `分页.${format}`));
    await expect(page.getByRole('status', { name: '字体检查' }).getByRole('listitem').first()).toBeVisible();
    await page.getByRole('button', { name: '仍然导出' }).click();
    await expect(page.getByTestId('notice')).toContainText(`已导出“分页.${format}”`, { timeout: 30_000 });
  };
  await write('docx');
  await write('pdf');
  // LibreOffice reads the DOCX as the speaker's office would; the PDF is read as it was printed. Their pages of the
  // sample speech started 3 and 2 of 3 with the same text when Chromium broke the PDF's lines and pages itself.
  // Its own folder: LibreOffice's PDF of 分页.docx is 分页.pdf too.
  const lo = path.join(app.tmpDir, 'libreoffice');
  await mkdir(lo);
  const [docxPdf] = libreOfficePdfs([path.join(app.tmpDir, '分页.docx')], lo);
  const docx = pdfPageStarts(readPdfPages(docxPdf!));
  const pdf = pdfPageStarts(readPdfPages(path.join(app.tmpDir, '分页.pdf')));
  expect(docx.length).toBeGreaterThan(1);
  expect(pdf, describeParity(pageParity(pdf, docx))).toEqual(docx);
});
