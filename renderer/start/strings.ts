/**
 * The start view's strings, under the `start` key of the renderer's translations
 * (renderer/i18n/resources.ts merges them: `start: startStrings[lang]`).
 */
export const startStrings = {
  'zh-CN': {
    label: '开始',
    tagline: '起草讲话稿：新建、从模板开始，或继续最近的文稿。',
    newBlank: '新建空白讲稿',
    newBlankHint: '从空白页开始（Ctrl+N）',
    open: '打开…',
    openHint: '打开 .speech 讲稿（Ctrl+O）',
    import: '导入…',
    templates: '从模板新建',
    templatesHint: '以模板的提纲新建讲稿（Ctrl+Shift+N），模板本身不变',
    loading: '正在读取…',
    noTemplates: '素材库中没有模板。',
    templatesFailed: '无法读取素材库：{{message}}',
    recent: '最近打开',
    recentEmpty: '还没有打开过的讲稿。保存或打开讲稿后，它会出现在这里。',
    recentFailed: '无法读取最近打开的文件列表：{{message}}',
    recentIn: '位于 {{folder}}',
  },
  en: {
    label: 'Start',
    tagline: 'Draft a speech: start blank, from a template, or carry on with a recent one.',
    newBlank: 'New blank speech',
    newBlankHint: 'Start from an empty page (Ctrl+N)',
    open: 'Open…',
    openHint: 'Open a .speech file (Ctrl+O)',
    import: 'Import…',
    templates: 'New from template',
    templatesHint: 'A new speech from the template’s outline (Ctrl+Shift+N); the template stays as it is',
    loading: 'Loading…',
    noTemplates: 'The library has no templates.',
    templatesFailed: 'Cannot read the library: {{message}}',
    recent: 'Recent',
    recentEmpty: 'No speeches opened yet. Speeches you save or open appear here.',
    recentFailed: 'Cannot read the list of recent files: {{message}}',
    recentIn: 'In {{folder}}',
  },
} as const;
