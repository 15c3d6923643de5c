import { fill } from '../shared/i18n/fill';

/**
 * The command line's own sentences, in every UI language. What is wrong with a file comes from the
 * app's translations (shared/i18n/file-errors.ts, renderer/i18n/resources.ts), so the command line
 * and the app say the same thing; these are what only the command line says.
 */
export const cliStrings = {
  'zh-CN': {
    /** A refusal: the file, then what is wrong with it. */
    refusal: '{{file}}：{{problem}}',
    writeFailed: '无法写入“{{target}}”：{{problem}}',
    folderMissing: '文件夹不存在。',
    unexpected: '发生意外错误（{{name}}），未写入任何文件。请报告此问题；设置 LECTERN_DEBUG=1 可显示详细信息。',
    detail: '详细信息：{{detail}}',
    noSuchFile: '文件不存在。',
    reportStep: '{{step}}：{{count}} 处',
    skippedEntryFile: '跳过 {{file}}：{{problem}}',
    skippedEntry: '跳过第 {{index}} 条{{name}}：{{problem}}',
  },
  en: {
    refusal: '{{file}}: {{problem}}',
    writeFailed: 'Cannot write “{{target}}”: {{problem}}',
    folderMissing: 'The folder does not exist.',
    unexpected:
      'An unexpected error ({{name}}); nothing was written. Please report it; set LECTERN_DEBUG=1 to show the details.',
    detail: 'Details: {{detail}}',
    noSuchFile: 'The file does not exist.',
    reportStep: '{{step}}: {{count}}',
    skippedEntryFile: 'Skipped {{file}}: {{problem}}',
    skippedEntry: 'Skipped entry {{index}}{{name}}: {{problem}}',
  },
} as const;

/** A language the command line speaks: the app's UI languages. */
export type CliLanguage = keyof typeof cliStrings;

/** Looks up a command-line sentence in `language`, filling `{{name}}`-style values. */
export function cliString(
  language: CliLanguage,
  key: keyof (typeof cliStrings)['zh-CN'],
  values: Record<string, string | number> = {},
): string {
  return fill(cliStrings[language][key], values);
}
