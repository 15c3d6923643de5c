/**
 * The editor's pages for React (issue 14): one PageLayoutStore for the editor's life, laying out in the export
 * dialog's default profile (公文标准) with the user's saved adjustments of it, as the export will.
 */
import { useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import type { Editor } from '@tiptap/core';
import { adjustProfile, PROFILES, type ProfileAdjustment } from '../../shared/export/profiles';
import { PageLayoutStore, type PageLayoutSnapshot } from './page-layout-store';

/** The profile the page view lays out in: the export dialog's default one, as the user adjusted it. */
export const PAGE_VIEW_PROFILE = 'gbt9704';

/** The page layout store of `editor`, laying out with `adjustment` of the default profile. */
export function usePageLayoutStore(
  editor: Editor | null,
  adjustment: ProfileAdjustment | undefined,
): PageLayoutStore | undefined {
  const profile = useMemo(() => adjustProfile(PROFILES[PAGE_VIEW_PROFILE], adjustment), [adjustment]);
  const [store, setStore] = useState<PageLayoutStore>();
  useEffect(() => {
    if (!editor || editor.isDestroyed) return undefined;
    const created = new PageLayoutStore(editor, profile);
    setStore(created);
    return () => {
      created.destroy();
      setStore(undefined);
    };
    // The store follows profile changes through setProfile below; a new one only for a new editor.
  }, [editor]);
  useEffect(() => store?.setProfile(profile), [store, profile]);
  return store;
}

const NO_STORE = () => () => undefined;
const NOTHING = () => undefined;

/** The latest pages of `store`, re-rendering the caller after each new layout (not per keystroke). */
export function usePages(store: PageLayoutStore | undefined): PageLayoutSnapshot | undefined {
  return useSyncExternalStore(store?.subscribe ?? NO_STORE, store?.getSnapshot ?? NOTHING);
}
