/**
 * `lectern`, the command line: scripting and checks over `.speech` files with plain Node (no
 * Electron). Commands print to stdout; problems go to stderr with exit status 2.
 *
 *   lectern outline FILE [--json]   the numbered outline with per-section length and time
 *   lectern check FILE [--json]     placeholders left, enumeration gaps, a DOCX's tracked changes and comments;
 *                                   exit 1 if any placeholder, change or comment remains
 *   lectern export FILE --to docx|pdf|md|txt [--profile gbt9704|speech|large] [-o OUT] [--fonts]
 *   lectern import FILE [-o OUT.speech] [--no-clean] [--t2s|--no-t2s] [--report]
 *   lectern fill FILE --set "XX同志=王建国" … [-o OUT]   (cli/fill.ts)
 * FILE may be a .speech file, or a .txt, .md, .html or .docx file, which is imported first.
 */
import { parseArgs } from 'node:util';
import path from 'node:path';
import { reopenSpeechFile, serializeSpeechFile, type ParsedSpeech } from '../shared/document/file-format';
import type { ImportOptions, ImportResult } from '../shared/import/index';
import { reviewSentence } from '../shared/import/review-marks';
import { readSpeechOrImport } from './import-file';
import { outlineJSON, outlineText } from './outline-report';
import { checkJSON, checkText, notReady } from './check-report';
import { exportBytes, exportMeta } from '../shared/export/bytes';
import { exportFormats, type ExportFormat } from '../shared/ipc/contract';
import { NoChromiumError, renderPdf } from './pdf';
import { PROFILES, type ProfileId } from '../shared/export/profiles';
import { documentPlaceholders } from '../shared/placeholders/scan';
import { writeFileAtomic } from '../electron/services/atomic-write';
import { resources } from '../renderer/i18n/resources';
import { defaultUserData, libraryMain } from './library';
import { cliLanguage, refusalDetail, refusalLine } from './refusal';
import { cliString, type CliLanguage } from './strings';
import { fillMain } from './fill';
import { checkFonts, pdfFaces, systemFontProbe } from '../electron/services/fonts';
import { fontCheckLines } from '../shared/export/font-check';

const USAGE = `用法 / usage:
  lectern outline FILE [--json]    提纲：各章节字数与讲话时长 / the outline with lengths and times
  lectern check FILE [--json]      检查待填占位符、提纲缺项、DOCX 修订与批注（有则退出码为 1）
                                   placeholders left, enumeration gaps, a DOCX's tracked changes and comments (exit 1)
  lectern export FILE --to docx|pdf|md|txt [--profile gbt9704|speech|large] [-o OUT] [--fonts]
                                   导出（公文标准 / 讲话稿 / 大字版），并提示本机字体与缺字
                                   export in a layout profile, warning of missing faces and characters
                                   --fonts 只检查字体，不导出 / --fonts only checks the fonts
  lectern import FILE [-o OUT.speech] [--no-clean] [--t2s|--no-t2s] [--report]
                                   导入 .txt/.md/.html/.docx 为讲稿 / import a text, Markdown, web page or Word file as a speech
  lectern fill FILE --set "占位符=内容" [--set …] [-o OUT]
                                   填写占位符，保留所在的词（XX同志=王建国 → 王建国同志）
                                   仍有占位符时退出码为 1
                                   fill placeholders keeping the word each stands in (exit 1 while any remain)
  lectern library list|show|export|import …
                                   素材库（lectern library --help）/ the library of outlines (see lectern library --help)
FILE 可以是 .speech，也可以是 .txt、.md、.html、.docx（先导入）/ FILE may be .speech, .txt, .md, .html or .docx
`;

/**
 * A failure the CLI reports as one line and exit status 2; `detail` is what a reader or library
 * said, printed under it only when LECTERN_DEBUG is set.
 */
export class CliError extends Error {
  constructor(
    message: string,
    readonly detail?: string,
  ) {
    super(message);
  }
}

/**
 * Reads a .speech file, or imports a .txt/.md/.html/.docx one. Whatever goes wrong is thrown as a
 * CliError naming the file and the problem in `language`, with the reader's own text as its detail.
 */
export async function loadSpeech(
  file: string,
  options: ImportOptions = {},
  language: CliLanguage = 'zh-CN',
): Promise<ParsedSpeech & { report?: ImportResult['report']; review?: ImportResult['review'] }> {
  try {
    const read = await readSpeechOrImport(file, options);
    const parsed = reopenSpeechFile(read.file);
    return {
      ...parsed,
      ...(read.report ? { report: read.report } : {}),
      ...(read.review ? { review: read.review } : {}),
    };
  } catch (error) {
    throw new CliError(refusalLine(error, language, file), refusalDetail(error));
  }
}

/** Writes a command's output atomically; a failure is a CliError naming the target, in `language`. */
async function writeOutput(target: string, bytes: Uint8Array | string, language: CliLanguage): Promise<void> {
  try {
    await writeFileAtomic(target, bytes);
  } catch (error) {
    throw new CliError(refusalLine(error, language, target), refusalDetail(error));
  }
}

/** One line of `import --report`: the cleanup step as the import report names it, and its count. */
function reportLine(language: CliLanguage, step: { id: string; count: number }): string {
  const steps = resources[language].translation.importing.step as Record<string, string>;
  return cliString(language, 'reportStep', { step: steps[step.id] ?? step.id, count: step.count });
}

/** Runs the CLI with `argv` (without node and script); returns the exit status. */
export async function main(
  argv: string[],
  out: (text: string) => void = (t) => process.stdout.write(t),
  err: (text: string) => void = (t) => process.stderr.write(t),
  env: NodeJS.ProcessEnv = process.env,
): Promise<number> {
  // The library has its own options (--library, --replace…): it parses them itself.
  if (argv[0] === 'library') return libraryMain(argv.slice(1), { out, err, env });
  const language = await cliLanguage(defaultUserData(env));
  // Whatever a command threw is one line and exit status 2 (README), never a stack trace.
  const fail = (error: unknown) => {
    const known = error instanceof CliError;
    err(`lectern: ${known ? error.message : refusalLine(error, language)}\n`);
    const detail = known ? error.detail : refusalDetail(error);
    if (env.LECTERN_DEBUG && detail) err(`${cliString(language, 'detail', { detail })}\n`);
    return 2;
  };
  if (argv[0] === 'fill') {
    try {
      const load = (file: string) => loadSpeech(file, {}, language);
      return await fillMain(argv.slice(1), {
        out,
        err,
        load,
        write: (target, text) => writeOutput(target, text, language),
      });
    } catch (error) {
      return fail(error);
    }
  }
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        json: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
        to: { type: 'string' },
        profile: { type: 'string' },
        output: { type: 'string', short: 'o' },
        'no-clean': { type: 'boolean' },
        t2s: { type: 'boolean' },
        'no-t2s': { type: 'boolean' },
        report: { type: 'boolean' },
        fonts: { type: 'boolean' },
      },
    });
  } catch (error) {
    err(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  const [command, file, ...rest] = parsed.positionals;
  if (parsed.values.help || !command) {
    out(USAGE);
    return command || parsed.values.help ? 0 : 2;
  }
  try {
    switch (command) {
      case 'outline': {
        if (!file || rest.length) throw new CliError(`outline takes one FILE\n${USAGE}`);
        const { file: speech, doc } = await loadSpeech(file, {}, language);
        const data = outlineJSON(doc, speech.meta.speakingRate);
        out(parsed.values.json ? `${JSON.stringify(data, null, 2)}\n` : outlineText(data));
        return 0;
      }
      case 'check': {
        if (!file || rest.length) throw new CliError(`check takes one FILE\n${USAGE}`);
        const { doc, review } = await loadSpeech(file, {}, language);
        const data = checkJSON(doc, review);
        out(parsed.values.json ? `${JSON.stringify(data, null, 2)}\n` : checkText(data));
        // A script can refuse to send out a draft that still has blanks in it, or changes no one has dealt with.
        return notReady(data) ? 1 : 0;
      }
      case 'import': {
        if (!file || rest.length) throw new CliError(`import takes one FILE\n${USAGE}`);
        const t2s = parsed.values.t2s ? true : parsed.values['no-t2s'] ? false : undefined;
        const options = {
          ...(parsed.values['no-clean'] ? { clean: false } : {}),
          ...(t2s !== undefined ? { t2s } : {}),
        };
        const { file: speech, report, review } = await loadSpeech(file, options, language);
        const target = parsed.values.output ?? `${file.replace(/\.[^./\\]+$/, '')}.speech`;
        if (path.resolve(target) === path.resolve(file))
          throw new CliError(`${target}: would overwrite the file being imported`);
        await writeOutput(target, serializeSpeechFile(speech), language);
        if (parsed.values.report) for (const step of report ?? []) err(`${reportLine(language, step)}\n`);
        // A DOCX's tracked changes and comments are said whether or not the report was asked for (issue 15).
        if (review) err(`lectern: ${reviewSentence(review, resources[language].translation.importing.review)}\n`);
        out(`${target}\n`);
        return 0;
      }
      case 'export': {
        if (!file || rest.length) throw new CliError(`export takes one FILE\n${USAGE}`);
        const to = parsed.values.to ?? 'docx';
        if (!(exportFormats as readonly string[]).includes(to))
          throw new CliError(`--to ${to}: choose docx, pdf, md or txt`);
        const profileId = (parsed.values.profile ?? 'gbt9704') as ProfileId;
        const profile = PROFILES[profileId];
        if (!profile) throw new CliError(`--profile ${profileId}: choose gbt9704, speech or large`);
        const { file: speech, doc } = await loadSpeech(file, {}, language);
        // The export dialog's font check (issue 14, item 9): warnings on stderr that never change the exit status,
        // or with --fonts the check alone on stdout. A CFF face matters for a PDF; --fonts alone says it too.
        // Markdown and text carry no fonts: no check for them unless asked.
        const strings = resources[language].translation.export.fonts;
        const checked = parsed.values.fonts || to === 'docx' || to === 'pdf';
        const lines = !checked
          ? []
          : fontCheckLines(
              await checkFonts(systemFontProbe(env), profile, doc.textContent),
              strings,
              to === 'pdf' || (!!parsed.values.fonts && !parsed.values.to),
            ).map((line) => `${line.kind === 'face' ? strings.heading : ''}${line.text}\n`);
        if (parsed.values.fonts) {
          out(lines.join(''));
          return 0;
        }
        const target = parsed.values.output ?? `${file.replace(/\.speech$/i, '')}.${to}`;
        let bytes: Uint8Array | string;
        try {
          bytes = await exportBytes(doc, to as ExportFormat, profile, {
            meta: exportMeta(speech.meta),
            renderPdf,
            ...(to === 'pdf' ? { pdfFaces: await pdfFaces(systemFontProbe(env), profile) } : {}),
          });
        } catch (error) {
          if (error instanceof NoChromiumError) throw new CliError(error.message);
          throw error;
        }
        await writeOutput(target, bytes, language);
        // After the file is written, so that a failure stays the one line it is (README).
        for (const line of lines) err(`lectern: ${line}`);
        const left = documentPlaceholders(doc).length;
        if (left) err(`lectern: 注意 ${left} 处占位符待填 (${left} placeholders left; see lectern check)\n`);
        out(`${target}\n`);
        return 0;
      }
      default:
        throw new CliError(`unknown command "${command}"\n${USAGE}`);
    }
  } catch (error) {
    return fail(error);
  }
}

/** What `guardProcess` listens to and ends: the Node process, or a stand-in in tests. */
export interface GuardedProcess {
  on(event: 'uncaughtException' | 'unhandledRejection', listener: (error: unknown) => void): unknown;
  exit(code: number): void;
}

/**
 * The last line of defence for `bin/lectern.mjs`: an error thrown where no `try` reaches (a
 * library's stream callback, a promise nobody awaits) is reported as one line in `language` and
 * ends the process with status 2, as every other failure does, instead of a stack trace (issue 21).
 */
export function guardProcess(
  proc: GuardedProcess,
  err: (text: string) => void,
  language: CliLanguage,
  env: NodeJS.ProcessEnv = process.env,
): void {
  const fail = (error: unknown) => {
    err(`lectern: ${refusalLine(error, language)}\n`);
    if (env.LECTERN_DEBUG) err(`${cliString(language, 'detail', { detail: refusalDetail(error) })}\n`);
    proc.exit(2);
  };
  proc.on('uncaughtException', fail);
  proc.on('unhandledRejection', fail);
}

/** Runs the command line as `bin/lectern.mjs` does: guarded, with the process's streams; answers the exit status. */
export async function runCli(argv: string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  guardProcess(process, (t) => process.stderr.write(t), await cliLanguage(defaultUserData(env)), env);
  return main(argv, undefined, undefined, env);
}
