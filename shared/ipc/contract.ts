/**
 * The IPC contract (DESIGN.md, decision 4): every call between the renderer and the main process,
 * declared once with its request and response schemas. The preload builds `window.lectern` from
 * it (one named function per call, never a generic invoke), the main process binds it through one
 * `handle()` wrapper, and the web host binds the very same handlers over loopback HTTP.
 *
 * The renderer never sees a path: documents are named by opaque `docId`s and recent files by
 * `recentId`s that main maps to paths (decision 5).
 */
import { z } from 'zod';
import { speechFileSchema } from '../document/file-format';
import { MAX_IMPORT_BYTES } from '../import/errors';
import { reviewMarksSchema } from '../import/review-marks';
import { FACE_NAMES } from '../document/fonts';
import { PROFILE_LIMITS } from '../export/profiles';
import { ENTRY_KINDS, entryNameSchema, libraryEntrySchema, occasionSchema, yearSchema } from '../library/entry';
import { CALL_NAMES, callChannel, eventChannel, type CallName, type EventName } from './channels';

export { CALL_NAMES, callChannel, eventChannel, type CallName, type EventName };

const docId = z.string().min(1).max(100);
/** A file the system handed over to main, named to the renderer by an opaque, one-use id (decision 5: no paths). */
const handoverId = z.string().min(1).max(100);

/** A failure a user sees: a code for programs, a message for people, the file's name if any. */
export const failure = z.object({
  code: z.string(),
  message: z.string(),
  fileName: z.string().optional(),
});
export type Failure = z.infer<typeof failure>;

/** What salvaging a damaged file kept and lost (shared/document/salvage.ts: SalvageReport). */
export const salvageReport = z.object({
  kept: z.number(),
  repaired: z.number(),
  lost: z.number(),
  truncated: z.boolean(),
  droppedMeta: z.array(z.string()),
});

/**
 * What opening a document answers: the document, the user's cancel, or a failure. A damaged
 * file whose blocks could partly be read answers `salvaged`: a new untitled document (the damaged
 * file is never written to), why the file could not be opened, and what was kept and lost.
 */
export const openResult = z.discriminatedUnion('status', [
  z.object({ status: z.literal('opened'), docId, name: z.string(), file: speechFileSchema }),
  z.object({
    status: z.literal('salvaged'),
    docId,
    name: z.string(),
    file: speechFileSchema,
    report: salvageReport,
    error: failure,
  }),
  z.object({ status: z.literal('canceled') }),
  z.object({ status: z.literal('failed'), error: failure }),
]);
export type OpenResult = z.infer<typeof openResult>;

/**
 * What saving answers: the saved name, the user's cancel (Save As dialog), a failure, or a
 * conflict: the file changed on disk since it was opened or last saved, and nothing was written
 * (compare with `reloadDocument`, keep mine with `force: true`, or take theirs).
 */
export const saveResult = z.discriminatedUnion('status', [
  z.object({ status: z.literal('saved'), docId, name: z.string() }),
  z.object({ status: z.literal('conflict'), docId, name: z.string() }),
  z.object({ status: z.literal('canceled') }),
  z.object({ status: z.literal('failed'), error: failure }),
]);

/** A backup left by an earlier run, offered at start-up (electron/services/recovery.ts). */
export const recoveryEntry = z.object({
  recoveryId: z.string(),
  name: z.string(),
  savedAt: z.string(),
  /** The start of the text, at most 120 characters. */
  preview: z.string(),
  /** Whether the document had a file to compare with. */
  hasFile: z.boolean(),
});
export type RecoveryEntry = z.infer<typeof recoveryEntry>;
const recoveryId = z.string().regex(/^[A-Za-z0-9-]{1,100}$/);

/** A version snapshot of a document's file (electron/services/snapshots.ts). */
/** How a snapshot was taken: by the app as the user saved (`auto`), or named by the user. */
export const snapshotKinds = ['auto', 'named'] as const;
export const snapshotEntry = z.object({
  snapshotId: z.string(),
  kind: z.enum(snapshotKinds),
  name: z.string().optional(),
  savedAt: z.string(),
  /** Bytes as a `.speech` file. */
  size: z.number(),
  /** The version's length as the status bar counts the same text (the outline's total), so the two never disagree. */
  characters: z.number(),
});
export type SnapshotEntry = z.infer<typeof snapshotEntry>;
const snapshotId = z.string().min(1).max(40);

/** The state of a document's file on disk against what it was when opened, saved or reloaded. */
export const externalStates = ['unchanged', 'changed', 'deleted', 'untitled', 'unknown'] as const;
export type SaveResult = z.infer<typeof saveResult>;

export const exportFormats = ['docx', 'pdf', 'md', 'txt'] as const;
/** A format a speech exports to (shared/export/bytes.ts makes its bytes). */
export type ExportFormat = (typeof exportFormats)[number];
export const profileIds = ['gbt9704', 'speech', 'large'] as const;

/** What exporting answers: the written file's name, the user's cancel, or a failure. */
export const exportResult = z.discriminatedUnion('status', [
  z.object({ status: z.literal('exported'), name: z.string() }),
  z.object({ status: z.literal('canceled') }),
  z.object({ status: z.literal('failed'), error: failure }),
]);
export type ExportResult = z.infer<typeof exportResult>;

/** The parts of a speech that take a face of their own, in the order the font check lists them. */
export const fontRoles = ['title', 'byline', 'body', 'heading1', 'heading2', 'heading3', 'heading4'] as const;

/** A chain's name as this machine resolves it: the name, the family of the file that answers it, and its format. */
const resolvedFace = z.object({ name: z.string(), family: z.string(), format: z.enum(['TrueType', 'CFF', 'other']) });

/** The font check's answer (electron/services/fonts.ts, FontCheck): one entry per face chain of the profile. */
export const fontCheck = z.object({
  chains: z.array(
    z.object({
      face: z.enum(FACE_NAMES),
      roles: z.array(z.enum(fontRoles)),
      wanted: z.string(),
      used: resolvedFace.nullable(),
      firstChoice: z.boolean(),
      pdf: resolvedFace.nullable(),
      missing: z.array(z.string()),
    }),
  ),
});
/** The font check's answer as the renderer and the CLI read it. */
export type FontCheckResult = z.infer<typeof fontCheck>;

/** What reading a file for import answers: its name and content to import, the user's cancel, or a failure. */
export const importFileResult = z.discriminatedUnion('status', [
  z.object({
    status: z.literal('read'),
    name: z.string(),
    kind: z.enum(['text', 'markdown', 'html']),
    content: z.string(),
    review: reviewMarksSchema.optional(),
  }),
  z.object({ status: z.literal('canceled') }),
  z.object({ status: z.literal('failed'), error: failure }),
]);
export type ImportFileResult = z.infer<typeof importFileResult>;

/**
 * The name of the snapshot that keeps a version of a file someone else wrote, stored as data; the
 * History panel shows it translated.
 */
export const EXTERNAL_SNAPSHOT_NAME = '外部修改';

/** One entry of File → Open Recent. */
export const recentEntry = z.object({ recentId: z.string(), name: z.string(), folder: z.string() });
export type RecentEntry = z.infer<typeof recentEntry>;

export const languages = ['zh-CN', 'en'] as const;
export const language = z.enum(languages);
export type Language = z.infer<typeof language>;

const within = (limit: { readonly min: number; readonly max: number }) => z.number().min(limit.min).max(limit.max);
const margin = within(PROFILE_LIMITS.marginMm);

/** The user's adjustments to a layout profile (shared/export/profiles.ts: ProfileAdjustment). */
export const profileAdjustment = z
  .object({
    margins: z.object({ top: margin, bottom: margin, left: margin, right: margin }).optional(),
    bodySizePt: within(PROFILE_LIMITS.bodySizePt).optional(),
    lineSpacingPt: within(PROFILE_LIMITS.lineSpacingPt).optional(),
    pageNumbers: z.enum(['odd-even', 'center']).optional(),
    numberedLevels: within(PROFILE_LIMITS.numberedLevels).int().optional(),
    bodyFace: z.enum(FACE_NAMES).optional(),
    titleFace: z.enum(FACE_NAMES).optional(),
    heading1Face: z.enum(FACE_NAMES).optional(),
    heading2Face: z.enum(FACE_NAMES).optional(),
  })
  .strict();

export const settings = z.object({
  language,
  /** Profiles the user adjusted, offered again next time. */
  profiles: z.record(z.string(), profileAdjustment).default({}),
  /** Refuse section moves and promotions that leave a heading skipping a level. */
  checkLevels: z.boolean().default(true),
  /** Save to the document's own file (atomically) when typing pauses; off by default. */
  autosave: z.boolean().default(false),
});
export type Settings = z.infer<typeof settings>;
export const settingsPatch = z
  .object({
    language: language.optional(),
    checkLevels: z.boolean().optional(),
    autosave: z.boolean().optional(),
    profiles: z.record(z.string(), profileAdjustment).optional(),
  })
  .strict();

const libraryEntryId = z.string().min(1).max(64);

/** One library entry as the library panel lists it (no document). Built-in templates are `builtIn` and read-only. */
export const libraryEntrySummary = z.object({
  id: libraryEntryId,
  name: z.string(),
  occasion: z.string().optional(),
  year: z.number().int().optional(),
  kind: z.enum(ENTRY_KINDS),
  description: z.string().optional(),
  builtIn: z.boolean(),
  createdAt: z.string().optional(),
  modifiedAt: z.string().optional(),
  /** How many headings the entry has. */
  headings: z.number().int(),
});
export type LibraryEntrySummary = z.infer<typeof libraryEntrySummary>;

/** A library file skipped because it is damaged or a duplicate (shown once as a notice): its name, never a path. */
export const libraryNotice = z.object({ file: z.string(), code: z.string(), message: z.string() });
export type LibraryNotice = z.infer<typeof libraryNotice>;

/**
 * What a change to a library entry answers: the entry as listed now, or a failure (read-only, not-found, invalid,
 * not-a-heading, disk-full…).
 */
export const libraryChangeResult = z.discriminatedUnion('status', [
  z.object({ status: z.literal('saved'), entry: libraryEntrySummary }),
  z.object({ status: z.literal('failed'), error: failure }),
]);
export type LibraryChangeResult = z.infer<typeof libraryChangeResult>;

/**
 * What importing a library file answers: what was added, replaced, renamed (kept beside an entry
 * of the same name) and skipped (damaged); or `conflicts` — entries named like the user's, so ask
 * "keep both or replace?" and call again with the `pendingId`; or the user's cancel; or a failure.
 */
export const libraryImportResult = z.discriminatedUnion('status', [
  z.object({
    status: z.literal('imported'),
    added: z.array(z.string()),
    replaced: z.array(z.string()),
    /**
     * The ids of the replaced entries: `restoreLibraryEntry` of each puts its previous content back (for the session).
     */
    replacedIds: z.array(z.string()),
    renamed: z.array(z.object({ from: z.string(), to: z.string() })),
    skipped: z.array(
      z.object({ index: z.number().int(), name: z.string().optional(), code: z.string(), message: z.string() }),
    ),
  }),
  z.object({
    status: z.literal('conflicts'),
    pendingId: z.string(),
    names: z.array(z.string()),
    count: z.number().int(),
  }),
  z.object({ status: z.literal('canceled') }),
  z.object({ status: z.literal('failed'), error: failure }),
]);
export type LibraryImportResult = z.infer<typeof libraryImportResult>;

const empty = z.object({}).strict();
const ok = z.object({ ok: z.literal(true) });

/**
 * Every call, by name. The name is also the IPC channel (`lectern:<name>`) and the web host's
 * route (`POST /ipc/<name>`).
 */
export const contract = {
  /** Starts a new untitled document. */
  newDocument: { request: empty, response: z.object({ docId, name: z.string(), file: speechFileSchema }) },
  /**
   * Shows the open dialog and opens the chosen `.speech` file; with a `handoverId` (from main's
   * `open` command), opens the file the system handed over instead (a double-click, Open With, the
   * jump list or the Dock), through the same checks and with the same failures, and shows no dialog.
   */
  openDocument: { request: z.object({ handoverId }).partial().strict(), response: openResult },
  /** Opens a file from the recent list. */
  openRecent: { request: z.object({ recentId: z.string() }), response: openResult },
  /**
   * Saves to the document's file; an untitled document asks for a place first. Answers `conflict`
   * when the file changed on disk meanwhile, unless `force` (the user chose to keep theirs over it:
   * "keep mine"). `autosave` marks a save the renderer made by itself: no snapshot is kept.
   */
  saveDocument: {
    request: z.object({
      docId,
      file: speechFileSchema,
      force: z.boolean().optional(),
      autosave: z.boolean().optional(),
    }),
    response: saveResult,
  },
  /** Asks for a new place, then saves there; the document is known by that file from then on. */
  saveDocumentAs: { request: z.object({ docId, file: speechFileSchema }), response: saveResult },
  /** Forgets a document the renderer no longer shows. */
  closeDocument: { request: z.object({ docId }), response: ok },
  /** The recent files, newest first. */
  listRecent: { request: empty, response: z.object({ entries: z.array(recentEntry) }) },
  /** Tells main the window's document name and whether it has unsaved changes (title bar, close prompt). */
  setDocumentState: { request: z.object({ docId, name: z.string().max(300), dirty: z.boolean() }), response: ok },
  /** Closes the window after the renderer finished a save the close prompt asked for. */
  closeWindow: { request: empty, response: ok },
  /**
   * The window listens for commands now. Main holds back what it would send a new window (a file
   * the system handed over) until then, since a command sent earlier would be lost.
   */
  readyForCommands: { request: empty, response: ok },
  getSettings: { request: empty, response: settings },
  setSettings: { request: settingsPatch, response: settings },
  /** Asks where, then writes the document as DOCX, PDF, Markdown or text in a layout profile. */
  exportDocument: {
    request: z.object({
      docId,
      file: speechFileSchema,
      format: z.enum(exportFormats),
      profile: z.enum(profileIds),
      adjustment: profileAdjustment.optional(),
    }),
    response: exportResult,
  },
  /** Prints the document in a layout profile through the system's print dialog. */
  printDocument: {
    request: z.object({
      docId,
      file: speechFileSchema,
      profile: z.enum(profileIds),
      adjustment: profileAdjustment.optional(),
    }),
    // A failure's code, when it has one, is worded by the renderer (error.code.*); the message is the detail.
    response: z.object({
      status: z.enum(['printed', 'canceled', 'failed']),
      message: z.string().optional(),
      code: z.string().optional(),
    }),
  },
  /**
   * The font check of a profile (issue 14, item 9): per face chain, the face this machine will use (the first of the
   * chain it has), whether that is the first choice, its format (a CFF face goes into a PDF as Type 3), and which of
   * the Han characters of `text` it lacks. `text` is the speech's text (its distinct Han characters suffice).
   */
  checkFonts: {
    request: z.object({
      text: z.string().max(2_000_000),
      profile: z.enum(profileIds),
      adjustment: profileAdjustment.optional(),
    }),
    response: fontCheck,
  },
  /** Shows the last exported file in the system's file manager. */
  revealExport: { request: empty, response: z.object({ shown: z.boolean() }) },
  /**
   * Reads a file to import: the one the user picks in the import dialog, one dropped on the
   * window (its name and bytes as base64, up to 50 MB), or one the system handed over. Answers the content to import;
   * the renderer runs the cleanup and structure detection and shows the import report.
   */
  importFile: {
    request: z
      .object({
        dropped: z
          .object({ name: z.string().min(1).max(260), data: z.string().max(Math.ceil(MAX_IMPORT_BYTES / 3) * 4 + 4) })
          .optional(),
        /**
         * A file the system handed over (Open With, a drop on the Dock icon), from main's `import` command: read
         * without a dialog.
         */
        handoverId: handoverId.optional(),
      })
      .strict(),
    response: importFileResult,
  },
  /**
   * Backs up unsaved work to the recovery store (never to the document's file); the renderer
   * calls it about a second after typing pauses while the document is dirty. Saving the document
   * or closing it removes the backup.
   */
  backupDocument: {
    request: z.object({ docId, name: z.string().max(300), file: speechFileSchema }),
    response: z.discriminatedUnion('status', [
      z.object({ status: z.literal('backed-up'), savedAt: z.string() }),
      z.object({ status: z.literal('failed'), error: failure }),
    ]),
  },
  /** The backups left by an earlier run (a crash), newest first: offer restore, compare or discard. */
  listRecovery: { request: empty, response: z.object({ entries: z.array(recoveryEntry) }) },
  /** One backup's document, and the document's file as it is on disk now (to compare), if it had one. */
  readRecovery: {
    request: z.object({ recoveryId }),
    response: z.discriminatedUnion('status', [
      z.object({
        status: z.literal('found'),
        name: z.string(),
        savedAt: z.string(),
        file: speechFileSchema,
        disk: z.discriminatedUnion('status', [
          z.object({ status: z.literal('none') }),
          z.object({ status: z.literal('read'), file: speechFileSchema }),
          z.object({ status: z.literal('failed'), error: failure }),
        ]),
      }),
      z.object({ status: z.literal('missing') }),
    ]),
  },
  /**
   * Opens a backup as a document (dirty: the renderer marks it unsaved), belonging to its file
   * again if it had one. The backup stays until the document is saved or closed.
   */
  restoreRecovery: {
    request: z.object({ recoveryId }),
    response: z.discriminatedUnion('status', [
      z.object({
        status: z.literal('restored'),
        docId,
        name: z.string(),
        file: speechFileSchema,
        savedAt: z.string(),
        hasFile: z.boolean(),
      }),
      z.object({ status: z.literal('failed'), error: failure }),
    ]),
  },
  /** Deletes a backup the user chose not to restore. */
  discardRecovery: { request: z.object({ recoveryId }), response: ok },
  /**
   * Whether the document's file changed on disk since it was opened, saved or reloaded (cheap: poll it on focus and
   * every few seconds).
   */
  checkExternal: { request: z.object({ docId }), response: z.object({ state: z.enum(externalStates) }) },
  /**
   * Reads the document's file as it is on disk now and makes it the version saves are checked
   * against: "take theirs" (replace the text), or the other side of a compare before "keep mine".
   */
  reloadDocument: { request: z.object({ docId }), response: openResult },
  /** The version snapshots of the document's file, newest first (none for an untitled document). */
  listSnapshots: { request: z.object({ docId }), response: z.object({ entries: z.array(snapshotEntry) }) },
  /** One snapshot's document, to view, compare or restore as the current text. */
  readSnapshot: {
    request: z.object({ docId, snapshotId }),
    response: z.discriminatedUnion('status', [
      z.object({ status: z.literal('found'), entry: snapshotEntry, file: speechFileSchema }),
      z.object({ status: z.literal('failed'), error: failure }),
    ]),
  },
  /** Keeps a named snapshot of the document as it is now (送审稿, 定稿); the document must have a file. */
  addSnapshot: {
    request: z.object({ docId, file: speechFileSchema, name: z.string().trim().min(1).max(100) }),
    response: z.discriminatedUnion('status', [
      z.object({ status: z.literal('added'), entry: snapshotEntry }),
      z.object({ status: z.literal('failed'), error: failure }),
    ]),
  },
  /** Deletes one snapshot. */
  deleteSnapshot: { request: z.object({ docId, snapshotId }), response: z.object({ deleted: z.boolean() }) },
  /**
   * The library: built-in templates first, then the user's entries by name, filtered by words
   * (each found in the name, occasion, year or text), an occasion and a year; and a notice for
   * each damaged or duplicate entry file skipped.
   */
  listLibrary: {
    request: z
      .object({
        query: z.string().max(200).optional(),
        occasion: z.string().max(50).optional(),
        year: z.number().int().optional(),
      })
      .strict(),
    response: z.object({ entries: z.array(libraryEntrySummary), notices: z.array(libraryNotice) }),
  },
  /** One entry with its document: the preview, insert at the cursor (shared/library/insert.ts). */
  readLibraryEntry: {
    request: z.object({ id: libraryEntryId }),
    response: z.discriminatedUnion('status', [
      z.object({ status: z.literal('found'), entry: libraryEntrySchema, summary: libraryEntrySummary }),
      z.object({ status: z.literal('failed'), error: failure }),
    ]),
  },
  /**
   * Saves the speech `doc` to the library: the whole of it, or the section headed by top-level
   * block `section`; as an outline (headings and points, body replaced by 【此处写……】) or in full.
   */
  saveLibraryEntry: {
    request: z
      .object({
        name: entryNameSchema,
        occasion: occasionSchema.optional(),
        year: yearSchema.optional(),
        description: z.string().max(500).optional(),
        kind: z.enum(ENTRY_KINDS),
        doc: speechFileSchema.shape.doc,
        section: z.number().int().min(0).optional(),
      })
      .strict(),
    response: libraryChangeResult,
  },
  /** Renames or retags one of the user's entries; `null` clears a tag. Built-in templates answer `read-only`. */
  updateLibraryEntry: {
    request: z
      .object({
        id: libraryEntryId,
        name: entryNameSchema.optional(),
        occasion: occasionSchema.nullable().optional(),
        year: yearSchema.nullable().optional(),
        description: z.string().max(500).nullable().optional(),
      })
      .strict(),
    response: libraryChangeResult,
  },
  /**
   * Copies an entry (a built-in template too: "duplicate to my library") into an editable one, named `name` or "…（副本）".
   */
  duplicateLibraryEntry: {
    request: z.object({ id: libraryEntryId, name: entryNameSchema.optional() }).strict(),
    response: libraryChangeResult,
  },
  /** Deletes one of the user's entries; `restoreLibraryEntry` undoes it for the rest of the session. */
  deleteLibraryEntry: { request: z.object({ id: libraryEntryId }), response: libraryChangeResult },
  /** Undoes a delete made in this session. */
  restoreLibraryEntry: { request: z.object({ id: libraryEntryId }), response: libraryChangeResult },
  /** Asks where, then writes the chosen entries as one `.speechlib` file to share or back up. */
  exportLibrary: {
    request: z.object({ ids: z.array(libraryEntryId).min(1).max(2000) }).strict(),
    response: z.discriminatedUnion('status', [
      z.object({ status: z.literal('exported'), name: z.string(), count: z.number().int() }),
      z.object({ status: z.literal('canceled') }),
      z.object({ status: z.literal('failed'), error: failure }),
    ]),
  },
  /**
   * Shows the open dialog and imports the chosen library file. When entries are named like the
   * user's it answers `conflicts`; call again with that `pendingId` and `keep-both` or `replace`.
   */
  importLibrary: {
    request: z
      .object({ pendingId: z.string().max(100).optional(), onConflict: z.enum(['keep-both', 'replace']).optional() })
      .strict(),
    response: libraryImportResult,
  },
  /** File → New from Template: a new untitled document holding the entry's outline. */
  newFromLibraryEntry: {
    request: z.object({ id: libraryEntryId }),
    response: z.discriminatedUnion('status', [
      z.object({ status: z.literal('created'), docId, name: z.string(), file: speechFileSchema }),
      z.object({ status: z.literal('failed'), error: failure }),
    ]),
  },
} as const satisfies Record<CallName, { request: z.ZodType; response: z.ZodType }>;

export type Contract = typeof contract;
// Every declared call has a name in channels.ts, and every name a declaration.
type Exact<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const namesMatch: Exact<keyof Contract, CallName> = true;
void namesMatch;
export type Request<N extends CallName> = z.input<Contract[N]['request']>;
export type Response<N extends CallName> = z.infer<Contract[N]['response']>;

/** The commands main sends to the renderer from menus and window events. */
export const commandNames = [
  'new',
  'open',
  'save',
  'saveAs',
  'saveThenClose',
  'openRecent',
  'undo',
  'redo',
  'setLanguage',
  'toggleOutline',
  'properties',
  'togglePlaceholders',
  'export',
  'print',
  'import',
  'newFromTemplate',
  'toggleLibrary',
  'saveToLibrary',
  'keepVersion',
  'toggleHistory',
  'recoverUnsaved',
  'zoomIn',
  'zoomOut',
  'zoomReset',
  'zoomFitWidth',
] as const;
export const command = z.object({
  command: z.enum(commandNames),
  recentId: z.string().optional(),
  language: language.optional(),
  /** With `open` or `import`: the file the system handed over, to pass to `openDocument` or `importFile`. */
  handoverId: handoverId.optional(),
});
export type Command = z.infer<typeof command>;

/** Events main sends to the renderer, by name; channel `lectern-event:<name>`. */
export const events = {
  command,
} as const;
export type EventPayload<N extends EventName> = z.infer<(typeof events)[N]>;

/** The API the renderer sees as `window.lectern`: one named async function per call, one subscriber per event. */
export type LecternApi = {
  [N in CallName]: (request: Request<N>) => Promise<Response<N>>;
} & {
  onCommand(listener: (command: Command) => void): () => void;
  /** Which host runs the renderer: the Electron app or the loopback web host (tests). */
  readonly host: 'electron' | 'web';
};

/** Handlers a host binds: one per call, taking the parsed request. */
export type Handlers = {
  [N in CallName]: (request: z.infer<Contract[N]['request']>, context: CallContext) => Promise<Response<N>>;
};

/** Who is calling: the window (Electron) or the web session; main uses it to find the window's state. */
export interface CallContext {
  windowId: number;
}

export const callNames: readonly CallName[] = CALL_NAMES;
