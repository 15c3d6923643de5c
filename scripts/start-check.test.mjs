// The decision of scripts/start-check.mjs, with node's own test runner (node --test): what it says
// for an old Node.js and for an Electron whose binary was never downloaded, without Electron.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { MIN_NODE, atLeast, startProblems } from './start-check.mjs';

const electronDir = path.join('/x', 'node_modules', 'electron');
/** A file system holding `files` (path → text). */
const disk = (files) => ({
  readText: (file) => files[file],
  exists: (file) => Object.hasOwn(files, file),
});
const installed = disk({
  [path.join(electronDir, 'path.txt')]: 'electron',
  [path.join(electronDir, 'dist', 'electron')]: '',
});

test('compares versions by number, not as text', () => {
  assert.equal(atLeast('v22.12.0', MIN_NODE), true);
  assert.equal(atLeast('v22.9.0', MIN_NODE), false);
  assert.equal(atLeast('v23.0.0', MIN_NODE), true);
  assert.equal(atLeast('v20.20.2', MIN_NODE), false);
  assert.equal(atLeast('v100.0.0', MIN_NODE), true);
});

test('nothing stops a start on Node 22.12 with the binary downloaded', () => {
  assert.deepEqual(startProblems({ nodeVersion: 'v22.12.0', electronDir, ...installed }), []);
});

test('Node 20 is named, with the version needed, in Chinese first', () => {
  const [problem, ...rest] = startProblems({ nodeVersion: 'v20.20.2', electronDir, ...installed });
  assert.deepEqual(rest, []);
  assert.match(problem, /^讲稿桌面版需要 Node\.js 22\.12\.0 或更高版本，当前是 v20\.20\.2。/);
  assert.match(problem, /needs Node\.js 22\.12\.0 or newer/);
});

test('a binary never downloaded says the first start needs a network connection, and never to delete node_modules', () => {
  for (const files of [{}, { [path.join(electronDir, 'path.txt')]: 'electron' }]) {
    const [problem, ...rest] = startProblems({ nodeVersion: 'v22.12.0', electronDir, ...disk(files) });
    assert.deepEqual(rest, []);
    assert.match(problem, /首次启动需要联网/);
    assert.match(problem, /npx install-electron/);
    assert.match(problem, /no need to delete node_modules/);
  }
});

test('a binary of one’s own (ELECTRON_OVERRIDE_DIST_PATH) is not looked for', () => {
  const env = { ELECTRON_OVERRIDE_DIST_PATH: '/opt/electron' };
  assert.deepEqual(startProblems({ nodeVersion: 'v22.12.0', electronDir, env, ...disk({}) }), []);
});

test('no electron package at all says to run npm install, and both problems are told at once', () => {
  const problems = startProblems({ nodeVersion: 'v18.0.0', electronDir: undefined, ...disk({}) });
  assert.equal(problems.length, 2);
  assert.match(problems[1], /npm install/);
});
