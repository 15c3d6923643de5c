/**
 * F6 and Shift+F6 move the keyboard between the window's regions, as in Word and VS Code: the
 * toolbar, the outline, the page, each open side panel, the status bar. Esc in any region but the
 * page returns to the page with the caret where it was. Tab keeps its meaning inside the page
 * (demote and promote a heading, speech-blocks.ts), so F6 is the way out of the editor (issue 12,
 * item 8: a keyboard trap).
 *
 * The regions are the window's landmarks, found in screen order each time, so panels that open
 * and close (and views another part of the app renders) need no registration.
 */
import { useEffect } from 'react';
import type { Editor } from '@tiptap/core';
import { useTranslation } from 'react-i18next';

/**
 * The landmarks F6 visits, in the order they appear: toolbar, outline, page, side panels, status
 * bar; and the start view, shown instead of the page when no document is open.
 */
export const REGION_SELECTOR = [
  '.app > [role="toolbar"]',
  '.app > main',
  '.workspace > nav',
  '.workspace > main',
  '.workspace > aside',
  '.app > footer',
].join(', ');

/** The page's landmark, where Esc returns to. */
const PAGE_SELECTOR = '.workspace > main';

function isShown(element: HTMLElement): boolean {
  return element.getClientRects().length > 0;
}

/** What can take the keyboard inside a region. */
const FOCUSABLE =
  'button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), a[href], [tabindex]';

/**
 * The regions shown now, in screen order (the workspace stays mounted but hidden under the start
 * view, and a hidden region takes no focus).
 */
export function focusRegions(root: ParentNode = document): HTMLElement[] {
  return Array.from(root.querySelectorAll<HTMLElement>(REGION_SELECTOR)).filter(isShown);
}

/** The region holding `element`, if any. */
export function regionOf(element: Element | null, root: ParentNode = document): HTMLElement | undefined {
  return focusRegions(root).find((region) => element !== null && region.contains(element));
}

/**
 * Where the keyboard goes on entering a region: where it last was there, else the region's tab
 * stop (the outline's current row, the toolbar's first button), else the region itself, so that
 * an empty outline is still announced by its name.
 */
function entryPoint(region: HTMLElement, last: HTMLElement | undefined): HTMLElement {
  // A tree is entered on its tab stop (the outline's: the section the caret is in), as Tab would.
  const tree = last?.closest('[role="tree"]');
  const stop = tree?.querySelector<HTMLElement>('[tabindex="0"]');
  if (tree && stop && region.contains(stop)) return stop;
  if (last && last.isConnected && region.contains(last) && isShown(last) && !last.matches(':disabled')) return last;
  const candidates = Array.from(region.querySelectorAll<HTMLElement>(FOCUSABLE)).filter(isShown);
  const first = candidates.find((element) => element.tabIndex >= 0);
  if (first) return first;
  if (region.tabIndex < 0 && !region.hasAttribute('tabindex')) region.tabIndex = -1;
  return region;
}

/** Whether a modal dialog or menu holds the keyboard: regions are then out of reach, as they should be. */
function modalOpen(): boolean {
  return Boolean(
    document.querySelector(
      '[role="dialog"][aria-modal="true"], [role="alertdialog"][aria-modal="true"], [role="menu"]',
    ),
  );
}

/**
 * Installs the F6 / Shift+F6 / Esc handling on `window` until the returned function is called.
 * `focusPage` puts the keyboard back in the page keeping its selection (a plain DOM focus would
 * move the caret to the start).
 */
export function installFocusRegions(focusPage: () => void): () => void {
  const last = new WeakMap<HTMLElement, HTMLElement>();
  const onFocusIn = (event: FocusEvent) => {
    const target = event.target instanceof HTMLElement ? event.target : undefined;
    const region = target ? regionOf(target) : undefined;
    if (region && target) last.set(region, target);
  };
  const enter = (region: HTMLElement) => {
    if (region.matches(PAGE_SELECTOR)) focusPage();
    else entryPoint(region, last.get(region)).focus();
  };
  const onKeyDown = (event: KeyboardEvent) => {
    // A drag, a menu or a dialog that used the key (they call preventDefault) keeps it.
    // So does an input method composing a word (Esc there cancels the composition).
    // Only F6 and Esc are ours; any other key (every keystroke of typing) is let be before the document is searched
    // for a dialog (issue 18).
    if (event.key !== 'F6' && event.key !== 'Escape') return;
    if (event.defaultPrevented || event.isComposing || event.ctrlKey || event.metaKey || event.altKey || modalOpen())
      return;
    if (event.key === 'F6') {
      const regions = focusRegions();
      if (!regions.length) return;
      event.preventDefault();
      const current = regionOf(document.activeElement);
      const at = current ? regions.indexOf(current) : -1;
      const step = event.shiftKey ? -1 : 1;
      // From outside every region (the body, after a dialog closed) F6 starts at the page.
      const page = regions.findIndex((region) => region.matches(PAGE_SELECTOR));
      const next = at < 0 ? Math.max(page, 0) : (at + step + regions.length) % regions.length;
      enter(regions[next]!);
      return;
    }
    if (event.key === 'Escape' && !event.shiftKey) {
      const current = regionOf(document.activeElement);
      // Nothing to return to while the start view stands in for the page.
      const page = focusRegions().find((region) => region.matches(PAGE_SELECTOR));
      if (!current || !page || current === page) return;
      event.preventDefault();
      focusPage();
    }
  };
  window.addEventListener('focusin', onFocusIn);
  window.addEventListener('keydown', onKeyDown);
  return () => {
    window.removeEventListener('focusin', onFocusIn);
    window.removeEventListener('keydown', onKeyDown);
  };
}

/**
 * Wires the regions to `editor` for the life of the component (nothing until the editor exists),
 * and tells screen reader users in the page how to leave it, in the UI's language: Tab there
 * demotes a heading, so a user who only knows Tab would otherwise be trapped without a word.
 */
export function useFocusRegions(editor: Editor | null): void {
  const { t } = useTranslation();
  useEffect(() => {
    if (!editor) return undefined;
    // ProseMirror's own focus, at once (TipTap's focus command waits for the next frame, and an F6
    // pressed before it would start from the region being left), keeping the selection.
    return installFocusRegions(() => {
      editor.view.focus();
      editor.commands.scrollIntoView();
    });
  }, [editor]);
  useEffect(() => {
    // ProseMirror only rewrites the attributes its own props set, so this one stays.
    editor?.view.dom.setAttribute('aria-description', t('regions.pageHint'));
  }, [editor, t]);
}
