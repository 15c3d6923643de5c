/**
 * Rendering React components in specs (run them in the jsdom environment): the app's own strings in
 * Chinese, a fresh container per test, and the lookups the panel and dialog specs share. Call
 * `renderHarness()` once at the top of a spec file; it registers its own hooks.
 */
import { afterEach, beforeAll, beforeEach } from 'vitest';
import { act, type createElement } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { emptySpeechFile, type SpeechFile } from '../shared/document/file-format';
import { docOf } from '../shared/document/test-docs';
import { resources } from './i18n/resources';

/** What a spec reads and does through the harness. */
export interface RenderHarness {
  /** The current test's container (a new one for each test). */
  readonly container: HTMLElement;
  render(element: ReturnType<typeof createElement>): Promise<void>;
  /** The button whose text is `label`; throws naming the buttons there are when none is. */
  button(label: string): HTMLButtonElement;
  click(label: string): Promise<void>;
  text(): string;
  /** Unmounts what was rendered and starts an empty root in the same container. */
  remount(): void;
}

/** A speech with a title and body paragraphs, for dialogs that show one. */
export const speech = (...body: string[]): SpeechFile => ({
  ...emptySpeechFile(new Date(0)),
  doc: docOf(['title', '讲话'], ...body.map((text) => [0, text] as [number, string])).toJSON(),
});

export function renderHarness(): RenderHarness {
  (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
  let container: HTMLElement;
  let root: Root;
  beforeAll(async () => {
    HTMLDialogElement.prototype.showModal ??= function showModal(this: HTMLDialogElement) {
      this.setAttribute('open', '');
    };
    HTMLDialogElement.prototype.close ??= function close(this: HTMLDialogElement) {
      this.removeAttribute('open');
    };
    // The app's own strings: History writes lengths with the status bar's `outline.length`.
    await i18next.use(initReactI18next).init({ resources, lng: 'zh-CN', interpolation: { escapeValue: false } });
  });
  beforeEach(() => {
    container = document.createElement('div');
    document.body.append(container);
    root = createRoot(container);
  });
  afterEach(() => {
    act(() => root.unmount());
    container.remove();
  });
  const button = (label: string) => {
    const buttons = [...container.querySelectorAll('button')];
    const found = buttons.find((b) => b.textContent === label);
    if (!found) throw new Error(`no button ${label}: ${buttons.map((b) => b.textContent).join(', ')}`);
    return found;
  };
  return {
    get container() {
      return container;
    },
    render: async (element) => {
      await act(async () => root.render(element));
    },
    button,
    click: async (label) => {
      await act(async () => button(label).click());
    },
    text: () => container.textContent ?? '',
    remount: () => {
      act(() => root.unmount());
      root = createRoot(container);
    },
  };
}
