/**
 * The router of files the system hands over (open-requests.ts), with a fake host: which files a
 * command line names, and which window takes each file and when.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { filesFromArgv, handedOverKind, OpenRequests, type HandedOverFile, type WindowView } from './open-requests';

const root = path.resolve('/home/王科长/文稿');
const at = (name: string) => path.join(root, name);

describe('filesFromArgv', () => {
  it('names the files after the executable, resolving relative ones against the working folder', () => {
    expect(
      filesFromArgv(['/opt/Lectern/lectern', '讲话.speech', at('材料.docx')], { cwd: root, defaultApp: false }),
    ).toEqual([
      { path: at('讲话.speech'), kind: 'speech' },
      { path: at('材料.docx'), kind: 'import' },
    ]);
  });

  it('skips the app folder of `electron . 讲话.speech` (npm start), and switches Chromium or macOS add', () => {
    const argv = ['/x/electron', '--no-sandbox', '.', '--allow-file-access-from-files', '讲话.speech', '-psn_0_12345'];
    expect(filesFromArgv(argv, { cwd: root, defaultApp: true })).toEqual([{ path: at('讲话.speech'), kind: 'speech' }]);
    expect(filesFromArgv(['/x/electron', '.'], { cwd: root, defaultApp: true })).toEqual([]);
  });

  it('turns the file:// URLs a Linux file manager passes for %U into paths', () => {
    const url = pathToFileURL(at('年度 总结.speech')).href;
    expect(url).toContain('%20');
    const files = filesFromArgv(['/opt/Lectern/lectern', url], { cwd: '/', defaultApp: false });
    expect(files).toEqual([{ path: at('年度 总结.speech'), kind: 'speech' }]);
  });

  it('imports what File → 导入 reads, and opens anything else as a speech (which then says what is wrong)', () => {
    expect(['a.docx', 'a.TXT', 'a.md', 'a.markdown', 'a.html', 'a.htm'].map(handedOverKind)).toEqual(
      Array(6).fill('import'),
    );
    expect(['a.speech', 'a.SPEECH', 'a.pdf', '讲话'].map(handedOverKind)).toEqual(Array(4).fill('speech'));
  });
});

/** A host with windows whose state the test sets, recording what the router did. */
function fakeHost() {
  const views: WindowView[] = [];
  const delivered: Array<[number, string]> = [];
  const focused: number[] = [];
  let next = 1;
  return {
    views,
    delivered,
    focused,
    host: {
      windows: () => views.map((view) => ({ ...view })),
      openWindow: () => {
        views.push({ id: next, files: [], dirty: false });
        return next++;
      },
      deliver: (windowId: number, file: HandedOverFile) => void delivered.push([windowId, path.basename(file.path)]),
      focus: (windowId: number) => void focused.push(windowId),
    },
  };
}
/** The router on a fake host with no window yet, started as main starts it once the app is ready. */
function startedOnFakeHost() {
  const fake = fakeHost();
  const requests = new OpenRequests(fake.host);
  requests.start();
  return { fake, requests };
}
const speech = (name: string): HandedOverFile => ({ path: at(name), kind: 'speech' });

describe('OpenRequests', () => {
  it('holds files handed over before start, gives the first to the first window and the next to new ones, each once it listens', () => {
    const fake = fakeHost();
    const requests = new OpenRequests(fake.host);
    requests.open([speech('一.speech'), speech('二.speech')]);
    expect(fake.views).toEqual([]);
    fake.host.openWindow();
    requests.start();
    expect(fake.views.map((view) => view.id)).toEqual([1, 2]);
    expect(fake.delivered).toEqual([]);
    requests.ready(2);
    requests.ready(1);
    expect(fake.delivered).toEqual([
      [2, '二.speech'],
      [1, '一.speech'],
    ]);
    // Both show their files now: the next go to new windows.
    fake.views[0]!.files = [at('一.speech')];
    fake.views[1]!.files = [at('二.speech')];
    requests.open([speech('三.speech')]);
    requests.ready(3);
    requests.open([{ path: at('四.docx'), kind: 'import' }]);
    requests.ready(4);
    expect(fake.delivered.slice(2)).toEqual([
      [3, '三.speech'],
      [4, '四.docx'],
    ]);
  });

  it('focuses the window showing a speech, or the one it is on its way to, instead of opening it twice', () => {
    const { fake, requests } = startedOnFakeHost();
    requests.open([speech('一.speech')]);
    requests.open([speech('一.speech')]);
    expect(fake.views).toHaveLength(1);
    expect(fake.focused).toEqual([1, 1]);
    fake.views[0]!.files = [at('一.speech')];
    requests.ready(1);
    requests.open([speech('一.speech')]);
    expect(fake.views).toHaveLength(1);
    expect(fake.delivered).toEqual([[1, '一.speech']]);
    // The window moved on to another file: the speech is no longer there.
    fake.views[0]!.files = [at('别的.speech')];
    requests.open([speech('一.speech')]);
    expect(fake.views).toHaveLength(2);
  });

  it('never gives a file to a window with unsaved changes, or one already given a file; a failed open frees the window', () => {
    const fake = fakeHost();
    const requests = new OpenRequests(fake.host);
    fake.host.openWindow();
    fake.views[0]!.dirty = true;
    requests.start();
    requests.open([speech('一.speech')]);
    expect(fake.views.map((view) => view.id)).toEqual([1, 2]);
    requests.ready(2);
    requests.open([{ path: at('二.docx'), kind: 'import' }]);
    expect(fake.views.map((view) => view.id)).toEqual([1, 2, 3]);
    // 一.speech could not be opened: window 2 still shows nothing.
    requests.failed(2);
    requests.open([speech('三.speech')]);
    expect(fake.views.map((view) => view.id)).toEqual([1, 2, 3]);
    expect(fake.delivered).toEqual([
      [2, '一.speech'],
      [2, '三.speech'],
    ]);
  });

  it('gives what waited for a window that closed before it listened to another window', () => {
    const { fake, requests } = startedOnFakeHost();
    requests.open([speech('一.speech')]);
    fake.views.splice(0, 1);
    requests.closed(1);
    expect(fake.views.map((view) => view.id)).toEqual([2]);
    requests.ready(2);
    expect(fake.delivered).toEqual([[2, '一.speech']]);
  });
});
