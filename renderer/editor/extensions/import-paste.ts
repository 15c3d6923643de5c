/**
 * Pasting a speech: a paste of several paragraphs (plain text, or rich text from Word, WPS or a
 * browser) goes through the importer and its report instead of landing as a wall of paragraphs.
 * Short pastes, and anything copied inside Lectern itself (ProseMirror marks its own HTML with
 * data-pm-slice), keep the editor's ordinary paste.
 */
import { Extension } from '@tiptap/core';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import type { ImportSource } from '../../../shared/import/index';

/** Pastes with fewer non-empty lines than this are ordinary pastes. */
export const IMPORT_PASTE_MIN_LINES = 3;

/** HTML written by Word, WPS or Office, whose styles carry headings and titles. */
const OFFICE_HTML =
  /urn:schemas-microsoft-com:office|class="?Mso|mso-|name="?Generator"? content="?(Microsoft|WPS|Kingsoft)|<h[1-6][\s>]/i;

/**
 * What a paste should import, or undefined for an ordinary paste. Office HTML is read as HTML (its
 * heading styles matter); a browser's HTML is read through its plain-text flavour, which has the
 * page's line breaks without its layout.
 */
export function pasteSource(text: string, html: string): ImportSource | undefined {
  if (html.includes('data-pm-slice')) return undefined;
  const useHtml = html && (OFFICE_HTML.test(html) || !text.trim());
  const lines = useHtml ? html.split(/<\/(?:p|div|h[1-6]|li|tr)>|<br\s*\/?>/i) : text.split(/\r\n|\r|\n/);
  if (lines.filter((line) => line.replace(/<[^>]*>|&nbsp;|\s/g, '').length > 0).length < IMPORT_PASTE_MIN_LINES)
    return undefined;
  return useHtml ? { kind: 'html', content: html } : { kind: 'text', content: text };
}

export interface ImportPasteOptions {
  /** Shows the import report for the pasted content; the paste itself is held back. */
  onImport: (source: ImportSource) => void;
}

export const importPasteKey = new PluginKey('importPaste');

export const ImportPaste = Extension.create<ImportPasteOptions>({
  name: 'importPaste',
  addOptions() {
    return { onImport: () => {} };
  },
  addProseMirrorPlugins() {
    const { onImport } = this.options;
    return [
      new Plugin({
        key: importPasteKey,
        props: {
          handlePaste: (_view, event) => {
            const data = event.clipboardData;
            if (!data) return false;
            const source = pasteSource(data.getData('text/plain'), data.getData('text/html'));
            if (!source) return false;
            onImport(source);
            return true;
          },
        },
      }),
    ];
  },
});
