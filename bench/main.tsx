/**
 * The benchmark page. `?editor=lectern` mounts the real Lectern app; `?editor=plain` mounts a
 * plain TipTap StarterKit editor. Both expose `window.bench` for scripts/bench.mjs, which types
 * into them through Chromium and reads the timings measured here.
 */
import { createRoot } from 'react-dom/client';
import { useEffect } from 'react';
import type { Editor, JSONContent } from '@tiptap/core';
import { EditorContent, useEditor } from '@tiptap/react';
import StarterKit from '@tiptap/starter-kit';
import { App } from '../renderer/app';
import { initI18n } from '../renderer/i18n';
import { FONT_CHAINS, cssFontFamily, type FaceName } from '../shared/document/fonts';
import { emptySpeechFile } from '../shared/document/file-format';
import { sectionBounds } from '../shared/document/sections';
import { generateSpeech, toStarterKit } from './generate-speech';
import { memoryApi } from './memory-api';
import '../renderer/styles.css';

/** Resolves after the next frame has been produced (rAF, then a task after paint). */
function nextFrame(): Promise<number> {
  return new Promise((resolve) =>
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => resolve(performance.now());
      channel.port2.postMessage(0);
    }),
  );
}

const params = new URLSearchParams(location.search);
const mode = params.get('editor') ?? 'lectern';
/** The placeholder benchmark: 2,000 blanks in the text, the plugin on or off (`placeholders=off`). */
const seeded = params.has('placeholders');
const placeholdersOn = params.get('placeholders') !== 'off';
/** The page view (issue 14) on, or off (`pageview=off`) to measure what it costs. */
const pageViewOn = params.get('pageview') !== 'off';
/** The speech's length in characters (`chars=30000` for a long real speech; 300,000 by default). */
const size = Number(params.get('chars') ?? 300_000);
const speech = generateSpeech(size, 20261124, seeded ? 2_000 : 0);
let editor: Editor | undefined;

/**
 * Latency samples: from each input event (a key's or an IME composition step's) to the next frame;
 * outline samples: to the sidebar's update. `outlineLate` counts the input events whose outline changed
 * after their frame was drawn (a mutation inside the sidebar after the frame's animation callbacks ran): the
 * outline is current "in the same frame" when it is 0. Watching mutations costs the page no work of its own
 * (reading the sidebar's text at each input and each frame did, and only Lectern's). Only one sample is taken
 * a frame (an IME's commit fires its last update and its end together).
 */
const samples: number[] = [];
const outlineSamples: number[] = [];
let outlineLate = 0;
let lastInput = 0;
let outlineSeen = true;
let pending = false;
/** Whether the last input's frame has been drawn, and whether its outline has been counted late already. */
let frameDrawn = false;
let countedLate = false;

/**
 * The trace's mark of an input event's start (scripts/bench.mjs measures the main thread's work from one mark to
 * the next): a key's keydown, before any handler has run, or an IME step's first composition event in its frame.
 */
const INPUT_MARK = 'bench-input';

const onInput = (event: Event) => {
  if (pending) return;
  pending = true;
  if (event.type.startsWith('composition')) console.timeStamp(INPUT_MARK);
  const t0 = event.timeStamp;
  lastInput = t0;
  outlineSeen = false;
  frameDrawn = false;
  countedLate = false;
  // rAF callbacks run just before the frame is drawn: a change to the outline after them is not in that frame.
  requestAnimationFrame(() => {
    frameDrawn = true;
  });
  void nextFrame().then((t1) => {
    pending = false;
    samples.push(t1 - t0);
  });
};
// A key's text arrives as `beforeinput`; an IME's steps as composition events (Chromium fires no
// cancellable beforeinput for them), each drawn on its own.
document.addEventListener(
  'beforeinput',
  (event) => {
    if (!(event as InputEvent).isComposing) onInput(event);
  },
  true,
);
document.addEventListener(
  'keydown',
  (event) => {
    if (!event.isComposing) console.timeStamp(INPUT_MARK);
  },
  true,
);
document.addEventListener('compositionupdate', onInput, true);
document.addEventListener('compositionend', onInput, true);
/** Whether a mutation happened inside the outline sidebar. */
function inOutline(record: MutationRecord): boolean {
  const target = record.target instanceof Element ? record.target : record.target.parentElement;
  return Boolean(target?.closest('.outline-panel'));
}
new MutationObserver((records) => {
  if (!lastInput || !records.some(inOutline)) return;
  if (frameDrawn && !countedLate && mode === 'lectern') {
    countedLate = true;
    outlineLate++;
  }
  if (outlineSeen) return;
  outlineSeen = true;
  outlineSamples.push(performance.now() - lastInput);
}).observe(document.body, { subtree: true, childList: true, characterData: true });

function waitFor(check: () => boolean): Promise<void> {
  return new Promise((resolve) => {
    const tick = () => (check() ? resolve() : requestAnimationFrame(tick));
    tick();
  });
}

const api = memoryApi(() => ({ ...emptySpeechFile(), doc: speech.doc }));

const bench = {
  mode,
  placeholders: () => document.querySelectorAll('.speech .placeholder').length,
  characters: speech.characters,
  paragraphs: speech.paragraphs,
  /** Opens the 300,000-character speech; answers milliseconds until its first frame. */
  async open(): Promise<number> {
    const t0 = performance.now();
    if (mode === 'lectern' || mode === 'lectern-no-outline') {
      api.emit({ command: 'open' });
      await waitFor(
        () =>
          (document.querySelector('.speech')?.childElementCount ?? 0) >= speech.paragraphs &&
          (mode !== 'lectern' || Boolean(document.querySelector('.outline-panel [data-index]'))),
      );
      if (mode === 'lectern-no-outline') api.emit({ command: 'toggleOutline' });
    } else {
      editor!.commands.setContent(toStarterKit(speech.doc) as JSONContent);
      await waitFor(() => (document.querySelector('.tiptap')?.childElementCount ?? 0) >= speech.paragraphs);
    }
    editor = (window as unknown as { lecternEditor?: Editor }).lecternEditor ?? editor;
    return (await nextFrame()) - t0;
  },
  /** Puts the cursor in the middle of the document, inside a body paragraph, and focuses it. */
  placeCursorMidDocument(): void {
    const doc = editor!.state.doc;
    let pos = 0;
    for (let i = 0; i < Math.floor(doc.childCount / 2); i++) pos += doc.child(i).nodeSize;
    editor!
      .chain()
      .focus()
      .setTextSelection(pos + 5)
      .scrollIntoView()
      .run();
  },
  reset(): void {
    samples.length = 0;
    outlineSamples.length = 0;
    outlineLate = 0;
  },
  results: () => {
    return { samples: [...samples], outlineSamples: [...outlineSamples], outlineLate };
  },
  /**
   * Inserts another speech of about `characters` characters after the cursor's block, as accepting a
   * pasted speech's import report does, and puts the cursor back; answers milliseconds until the next frame.
   */
  async paste(characters: number): Promise<number> {
    const pasted = generateSpeech(characters, 7).doc;
    const content = (mode === 'plain' ? toStarterKit(pasted) : pasted).content ?? [];
    const { state } = editor!;
    const nodes = content.map((block) => state.schema.nodeFromJSON(block));
    const after = state.selection.$from.after(1);
    const t0 = performance.now();
    editor!.view.dispatch(state.tr.insert(after, nodes));
    return (await nextFrame()) - t0;
  },
  /** Moves a section of about 20 paragraphs to the top; answers milliseconds until the next frame. */
  async moveSection(): Promise<{ ms: number; blocks: number }> {
    const move = bench.findMove();
    return { ms: await bench.moveSectionAt(move.index, move.target), blocks: move.blocks };
  },
  /** The section of about 20 paragraphs `moveSection` moves, and the first section's index, where it goes. */
  findMove(): { index: number; target: number; blocks: number } {
    const doc = editor!.state.doc;
    let best: { index: number; blocks: number } | undefined;
    doc.forEach((_node, _offset, index) => {
      const bounds = sectionBounds(doc, index);
      if (!bounds) return;
      const blocks = bounds.end - bounds.start;
      if (!best || Math.abs(blocks - 20) < Math.abs(best.blocks - 20)) best = { index, blocks };
    });
    const target = Array.from({ length: doc.childCount }, (_, i) => i).find((i) => sectionBounds(doc, i)) ?? 0;
    return { ...best!, target };
  },
  /** Moves the section headed by block `index` before block `target`; answers milliseconds until the next frame. */
  async moveSectionAt(index: number, target: number): Promise<number> {
    const t0 = performance.now();
    editor!.commands.moveSectionTo(index, target);
    return (await nextFrame()) - t0;
  },
};
(window as unknown as { bench: typeof bench }).bench = bench;

function Plain() {
  const plain = useEditor({ extensions: [StarterKit], content: '<p></p>' });
  useEffect(() => {
    editor = plain ?? undefined;
  }, [plain]);
  return plain ? <EditorContent editor={plain} /> : null;
}

async function start() {
  await initI18n('zh-CN');
  for (const face of Object.keys(FONT_CHAINS) as FaceName[])
    document.documentElement.style.setProperty(`--font-${face}`, cssFontFamily(face));
  createRoot(document.getElementById('root')!).render(
    mode.startsWith('lectern') ? <App api={api} placeholders={placeholdersOn} pageView={pageViewOn} /> : <Plain />,
  );
  (window as unknown as { benchReady: boolean }).benchReady = true;
}
void start();
