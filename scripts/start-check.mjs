// Runs before `npm start` (package.json): says in plain words, in Chinese and English, what stops
// the desktop app from starting — a Node.js older than Electron needs, or no Electron binary yet —
// instead of letting Electron's launcher fail with `TypeError: fetch failed` and advice to delete
// node_modules (issue 12, item 9). It only looks at files: it never downloads anything and never
// starts Electron. scripts/start-check.test.mjs tests its decision with node's own test runner.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The oldest Node.js the Electron of this checkout runs under (its package.json's engines). */
export const MIN_NODE = '22.12.0';

/** Whether version `a` (e.g. "v20.20.2" or "22.12.0") is at least `b`. */
export function atLeast(a, b) {
  const parse = (v) =>
    v
      .replace(/^v/, '')
      .split('.')
      .map((n) => Number.parseInt(n, 10) || 0);
  const [x, y] = [parse(a), parse(b)];
  for (let i = 0; i < 3; i++) if ((x[i] ?? 0) !== (y[i] ?? 0)) return (x[i] ?? 0) > (y[i] ?? 0);
  return true;
}

/**
 * What stops `npm start`, as messages for the user (an empty list: nothing does).
 *   nodeVersion  process.version
 *   electronDir  the electron package's folder (node_modules/electron), or undefined when missing
 *   env          the environment (ELECTRON_OVERRIDE_DIST_PATH points at a binary of one's own)
 *   readText     reads a file as text, or answers undefined when there is none
 *   exists       whether a path exists
 * Electron's package keeps the binary's path inside dist/ in path.txt once it has downloaded it.
 */
export function startProblems({ nodeVersion, electronDir, env = {}, readText, exists }) {
  const problems = [];
  if (!atLeast(nodeVersion, MIN_NODE)) {
    problems.push(
      `讲稿桌面版需要 Node.js ${MIN_NODE} 或更高版本，当前是 ${nodeVersion}。请安装 Node.js 22 或更高版本后再运行 npm start。\n` +
        `(The desktop app needs Node.js ${MIN_NODE} or newer; this is ${nodeVersion}. ` +
        'Install Node.js 22 or newer, then run npm start again.)',
    );
  }
  if (!electronDir) {
    problems.push('没有安装 Electron：请先运行 npm install。\n(Electron is not installed: run npm install first.)');
  } else if (!env.ELECTRON_OVERRIDE_DIST_PATH) {
    const binary = readText(path.join(electronDir, 'path.txt'));
    if (!binary || !exists(path.join(electronDir, 'dist', binary.trim()))) {
      problems.push(
        'Electron 程序还没有下载。首次启动需要联网，由 Electron 下载一次（约 100 MB），之后可以离线使用。\n' +
          '请在联网时运行 npx install-electron，再运行 npm start；不必删除 node_modules。\n' +
          '(Electron’s binary has not been downloaded yet. Its first start needs a network connection to download it once, ' +
          'about 100 MB; after that the app runs offline. Connected, run npx install-electron, then npm start; ' +
          'there is no need to delete node_modules.)',
      );
    }
  }
  return problems;
}

// Run as a script: print the problems on stderr and stop `npm start` with status 1.
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const electronDir = path.resolve('node_modules', 'electron');
  const problems = startProblems({
    nodeVersion: process.version,
    electronDir: existsSync(path.join(electronDir, 'package.json')) ? electronDir : undefined,
    env: process.env,
    readText: (file) => (existsSync(file) ? readFileSync(file, 'utf8') : undefined),
    exists: existsSync,
  });
  for (const problem of problems) process.stderr.write(`npm start: ${problem}\n`);
  if (problems.length) process.exitCode = 1;
}
