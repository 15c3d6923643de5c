/**
 * PDF through Chromium (playwright-core) from the print HTML: the command line's and the tests'
 * equivalent of Electron's printToPDF. Finds a Chromium the way users' machines have one:
 * CHROMIUM_PATH, then the system's, then Playwright's own; says what to install when there is none.
 */
import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';

const SYSTEM_CHROMIUMS = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
];

/**
 * The flags every headless Chromium of ours is started with (the PDF here, the end-to-end tests' browser, the
 * benchmark's): no sandbox, since tests run as root; no GPU; and no network of its own (no QUIC, background
 * requests, component updates or sync), since the app never reaches the network.
 */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Thrown when no Chromium can be found, with what to install. */
export class NoChromiumError extends Error {
  override readonly name = 'NoChromiumError';
}

export function findChromium(): string {
  const candidates = [process.env.CHROMIUM_PATH, ...SYSTEM_CHROMIUMS];
  for (const candidate of candidates) if (candidate && existsSync(candidate)) return candidate;
  const bundled = chromium.executablePath();
  if (bundled && existsSync(bundled)) return bundled;
  throw new NoChromiumError(
    '找不到 Chromium / Chrome，无法生成 PDF。请安装 Chromium（Debian/Ubuntu: apt-get install chromium）或 Google Chrome，' +
      '或设置 CHROMIUM_PATH。(No Chromium found: install chromium or Chrome, or set CHROMIUM_PATH.)',
  );
}

/** Prints `html` to PDF bytes: the page size and margins come from the HTML's @page rules. */
export async function renderPdf(html: string): Promise<Uint8Array> {
  const browser = await chromium.launch({
    executablePath: findChromium(),
    args: CHROMIUM_ARGS,
  });
  try {
    const page = await browser.newPage();
    // Nothing in the print HTML loads from anywhere; refuse any request to be sure.
    await page.route('**/*', (route) => route.abort());
    await page.setContent(html, { waitUntil: 'load' });
    // An expression evaluated in the page (this file compiles without the DOM's types): waits for its fonts.
    await page.evaluate('document.fonts.ready');
    return new Uint8Array(
      await page.pdf({ preferCSSPageSize: true, printBackground: true, outline: true, tagged: true }),
    );
  } finally {
    await browser.close();
  }
}
