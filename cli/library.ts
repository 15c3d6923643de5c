/**
 * `lectern library`: the library (outlines and speeches kept for reuse) from the command line, for
 * scripting and backups. It reads and writes the same folder as the app (`<user data>/library`),
 * through the same store, so entries are validated and written atomically the same way.
 *
 *   lectern library list [--json] [--query WORDS] [--occasion O] [--year Y]
 *   lectern library show ID|NAME [--json]
 *   lectern library export [ID|NAME…] -o FILE      (no ids: every entry of the user's library)
 *   lectern library import FILE [--keep-both|--replace]
 *
 * The folder is `--library DIR`, else `$LECTERN_USER_DATA/library`, else the app's own user-data
 * folder on this platform.
 */
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { docFromJSON } from '../shared/document/file-format';
import { exportText } from '../shared/export/text';
import { writeFileAtomic } from '../electron/services/atomic-write';
import { nodeFileSystem, type FileSystem } from '../electron/services/file-system';
import { LibraryStore, type LibrarySummary } from '../electron/services/library';
import { cliLanguage, refusalDetail, refusalLine, sentence } from './refusal';
import { cliString } from './strings';

export const LIBRARY_USAGE = `用法 / usage:
  lectern library list [--json] [--query 词语] [--occasion 场合] [--year 年份]
                                   列出素材库（内置模板在前）/ list the library (built-in templates first)
  lectern library show ID|名称 [--json]
                                   显示条目全文 / show an entry as numbered text
  lectern library export [ID|名称…] -o FILE
                                   导出条目（不指定则导出全部自建条目）/ export entries (all of yours if none named)
  lectern library import FILE [--keep-both|--replace]
                                   导入；重名时保留两者或替换 / import; on a name conflict keep both or replace
  --library DIR                    素材库文件夹，默认 $LECTERN_USER_DATA/library / the library folder
`;

/** The app's user-data folder on this platform (Electron's appData + the product name). */
export function defaultUserData(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
  home = os.homedir(),
): string {
  if (env.LECTERN_USER_DATA) return env.LECTERN_USER_DATA;
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), 'Lectern');
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', 'Lectern');
  return path.join(env.XDG_CONFIG_HOME ?? path.join(home, '.config'), 'Lectern');
}

/** What `libraryMain` writes to and reads from; tests inject all of it. */
export interface LibraryCliOptions {
  out: (text: string) => void;
  err: (text: string) => void;
  env?: NodeJS.ProcessEnv;
  fs?: FileSystem;
}

class UsageError extends Error {}

const KINDS: Record<string, string> = { outline: '提纲', full: '全文' };

function summaryLine(entry: LibrarySummary): string {
  return [
    entry.id,
    entry.name,
    entry.occasion ?? '-',
    entry.year ?? '-',
    KINDS[entry.kind] ?? entry.kind,
    entry.builtIn ? '内置' : '',
  ]
    .join('\t')
    .trimEnd();
}

/**
 * The entry an argument names: an id, else the one entry with that name (several with it is an error naming their ids).
 */
async function resolve(store: LibraryStore, idOrName: string): Promise<LibrarySummary> {
  const { entries } = await store.list();
  const byId = entries.find((entry) => entry.id === idOrName);
  if (byId) return byId;
  const named = entries.filter((entry) => entry.name === idOrName.trim());
  if (named.length === 1) return named[0]!;
  if (named.length > 1)
    throw new UsageError(
      `${named.length} entries are named “${idOrName}”: use an id (${named.map((e) => e.id).join(', ')})`,
    );
  throw new UsageError(`no library entry with the id or name “${idOrName}”`);
}

/**
 * Runs `lectern library …` with `argv` (after the word `library`); returns the exit status: 0 done,
 * 1 an import stopped by name conflicts (nothing imported; choose --keep-both or --replace), 2 a
 * usage error or a failure, reported on one line. Skipped damaged entry files are reported on stderr.
 */
export async function libraryMain(argv: string[], options: LibraryCliOptions): Promise<number> {
  const { out, err } = options;
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        library: { type: 'string' },
        json: { type: 'boolean' },
        query: { type: 'string' },
        occasion: { type: 'string' },
        year: { type: 'string' },
        output: { type: 'string', short: 'o' },
        'keep-both': { type: 'boolean' },
        replace: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    err(`lectern library: ${(error as Error).message}\n${LIBRARY_USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  const [command, ...args] = positionals;
  if (values.help || !command) {
    (command || values.help ? out : err)(LIBRARY_USAGE);
    return command || values.help ? 0 : 2;
  }
  const env = options.env ?? process.env;
  const language = await cliLanguage(defaultUserData(env));
  const folder = values.library ? path.resolve(values.library) : path.join(defaultUserData(env), 'library');
  const fs = options.fs ?? nodeFileSystem;
  const store = new LibraryStore({ folder, fs });
  // A skipped file or entry is named with the app's words for its problem, never the parser's.
  const problemOf = (code: string) => sentence(language, code, true) ?? sentence(language, 'damaged')!;
  const notify = (notices: ReadonlyArray<{ file: string; code: string }>) => {
    for (const notice of notices) {
      err(
        `lectern: ${cliString(language, 'skippedEntryFile', { file: notice.file, problem: problemOf(notice.code) })}\n`,
      );
    }
  };
  try {
    switch (command) {
      case 'list': {
        if (args.length) throw new UsageError('list takes no arguments (use --query)');
        let year: number | undefined;
        if (values.year !== undefined) {
          year = Number(values.year);
          if (!Number.isInteger(year)) throw new UsageError(`--year ${values.year}: not a year`);
        }
        const listed = await store.list({
          ...(values.query ? { query: values.query } : {}),
          ...(values.occasion ? { occasion: values.occasion } : {}),
          ...(year !== undefined ? { year } : {}),
        });
        if (values.json) out(`${JSON.stringify(listed, null, 2)}\n`);
        else {
          notify(listed.notices);
          for (const entry of listed.entries) out(`${summaryLine(entry)}\n`);
        }
        return 0;
      }
      case 'show': {
        if (args.length !== 1) throw new UsageError('show takes one ID or NAME');
        const summary = await resolve(store, args[0]!);
        const found = await store.read(summary.id);
        if (!found) throw new UsageError(`no library entry ${summary.id}`);
        if (values.json) out(`${JSON.stringify(found.entry, null, 2)}\n`);
        else out(`# ${summaryLine(summary)}\n\n${exportText(docFromJSON(found.entry.doc))}`);
        return 0;
      }
      case 'export': {
        if (!values.output) throw new UsageError('export needs -o FILE');
        const ids = args.length
          ? await Promise.all(args.map(async (arg) => (await resolve(store, arg)).id))
          : await store.ownIds();
        if (!ids.length)
          throw new UsageError(
            'the library has no entries of yours to export (name built-in templates to export them)',
          );
        const { text, count } = await store.exportBundle(ids);
        await writeFileAtomic(path.resolve(values.output), text, { fs });
        out(`${values.output}\t${count}\n`);
        return 0;
      }
      case 'import': {
        if (args.length !== 1) throw new UsageError('import takes one FILE');
        if (values['keep-both'] && values.replace) throw new UsageError('choose --keep-both or --replace, not both');
        const text = (await fs.readFile(path.resolve(args[0]!))).toString('utf8');
        const policy = values.replace ? 'replace' : values['keep-both'] ? 'keep-both' : undefined;
        if (!policy) {
          const conflicts = await store.conflicts(text);
          if (conflicts.length) {
            err(
              `lectern: 素材库中已有同名条目 / entries of these names exist: ${conflicts.join('、')}\n` +
                '  用 --keep-both 保留两者，或 --replace 替换 / pass --keep-both or --replace\n',
            );
            return 1;
          }
        }
        const outcome = await store.importBundle(text, policy ?? 'keep-both');
        if (values.json) out(`${JSON.stringify(outcome, null, 2)}\n`);
        else {
          for (const name of outcome.added) out(`added\t${name}\n`);
          for (const name of outcome.replaced) out(`replaced\t${name}\n`);
          for (const { from, to } of outcome.renamed) out(`renamed\t${from}\t${to}\n`);
        }
        for (const problem of outcome.skipped) {
          const name = problem.name ? `“${problem.name}”` : '';
          err(
            `lectern: ${cliString(language, 'skippedEntry', { index: problem.index + 1, name, problem: problemOf(problem.code) })}\n`,
          );
        }
        return 0;
      }
      default:
        throw new UsageError(`unknown library command "${command}"\n${LIBRARY_USAGE}`);
    }
  } catch (error) {
    // Every failure is one line and exit status 2, naming the file read or written where there is one.
    if (error instanceof UsageError) {
      err(`lectern library: ${error.message}\n`);
      return 2;
    }
    const file = command === 'import' ? args[0] : command === 'export' ? values.output : undefined;
    err(`lectern library: ${refusalLine(error, language, file)}\n`);
    if (env.LECTERN_DEBUG) err(`${cliString(language, 'detail', { detail: refusalDetail(error) })}\n`);
    return 2;
  }
}
