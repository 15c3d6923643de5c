/**
 * What is wrong with a file that cannot be opened or imported, in the user's words and every UI
 * language, keyed by the failure codes the readers throw: `import-<ImportErrorCode>` for the
 * importer (shared/import/errors.ts) and the `SpeechFileErrorCode`s of `.speech` files. One copy
 * serves the app (renderer/i18n/resources.ts spreads it into `error.code`) and the command line,
 * so both say the same thing. A reader's own text (a parser's, a zip library's) is never part of
 * these sentences: it is the detail (issue 21).
 */
export const fileErrorStrings = {
  'zh-CN': {
    'not-json': '文件已损坏：内容不是有效的 JSON。',
    'not-speech': '这不是讲稿文件。',
    'plain-text': '这是文本文件，不是讲稿文件。请把扩展名改为 .txt，再用“导入”打开它。',
    'newer-version': '文件由更新版本的讲稿创建，请升级后再打开。',
    'invalid-envelope': '文件格式不正确。',
    'invalid-content': '文件中的文档内容无效。',
    'too-large': '文件过大，不是讲稿文件。',
    'import-too-large': '文件过大（超过 50 MB）。',
    'import-empty': '文件是空的。',
    'import-not-docx': '不是 Word 文档（.docx）。',
    'import-not-word': '不是 Word 文档：文件中没有 Word 正文。',
    'import-damaged': '文件已损坏：压缩数据不完整。',
    'import-bad-structure': '文档结构有误，无法读取。',
    'import-zip-bomb': '文档解压后过大，可能已损坏或有害。',
    'import-not-text': '这不是文本文件。',
    'import-unsupported': '不支持此文件类型。可导入 .docx、.txt、.md、.html 文件（.doc 请先在 Word 中另存为 .docx）。',
    'import-unreadable': '无法读取此文件。',
  },
  en: {
    'not-json': 'The file is damaged: it is not valid JSON.',
    'not-speech': 'This is not a speech file.',
    'plain-text': 'This is a text file, not a speech file. Rename it to .txt and open it with Import.',
    'newer-version': 'The file was made by a newer version of Lectern. Update Lectern to open it.',
    'invalid-envelope': 'The file’s format is not valid.',
    'invalid-content': 'The document in the file is not valid.',
    'too-large': 'The file is too large to be a speech file.',
    'import-too-large': 'The file is larger than 50 MB.',
    'import-empty': 'The file is empty.',
    'import-not-docx': 'This is not a Word document (.docx).',
    'import-not-word': 'This is not a Word document: it holds no Word text.',
    'import-damaged': 'The file is damaged: its compressed data is incomplete.',
    'import-bad-structure': 'The document’s structure is damaged; it cannot be read.',
    'import-zip-bomb': 'The document unpacks to an unreasonable size; it may be damaged or harmful.',
    'import-not-text': 'This is not a text file.',
    'import-unsupported':
      'This file type cannot be imported. Lectern imports .docx, .txt, .md and .html files (save a .doc as .docx in Word first).',
    'import-unreadable': 'This file cannot be read.',
  },
} as const;

/** A failure code that has a sentence here. */
export type FileErrorKey = keyof (typeof fileErrorStrings)['zh-CN'];

/** Whether `code` has a sentence here (codes arrive as plain strings over IPC and from errors). */
export function isFileErrorKey(code: string): code is FileErrorKey {
  return Object.hasOwn(fileErrorStrings['zh-CN'], code);
}
