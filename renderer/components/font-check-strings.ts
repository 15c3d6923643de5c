/**
 * The export dialog's font check strings (issue 14, item 9), under `export.fonts` in the renderer's translations
 * (renderer/i18n/resources.ts merges them); `lectern export` prints the same sentences, read from the resources and
 * worded by shared/export/font-check.ts.
 */
export const fontCheckStrings = {
  'zh-CN': {
    label: '字体检查',
    checking: '正在检查本机字体…',
    failed: '无法检查本机字体：{{message}}',
    heading: '字体：',
    found: '{{roles}} {{name}}',
    mapped: '{{roles}} {{name}}（本机以 {{family}} 显示）',
    fallback: '{{roles}} {{wanted}}（本机无，将用 {{used}}）',
    none: '{{roles}} {{wanted}}（本机无此类字体，将用系统默认字体）',
    missing: '缺字：{{chars}}（{{name}} 中没有）',
    more: '等 {{count}} 个字',
    cff: '{{roles}}字体为 CFF 格式，PDF 中将嵌入为 Type 3，印刷厂预检可能不通过',
    cffAvoided: '{{roles}}字体 {{family}} 为 CFF 格式，PDF 改用同一字体链中的 {{pdf}}（TrueType）嵌入',
    roles: {
      title: '标题',
      byline: '署名',
      body: '正文',
      heading1: '一级标题',
      heading2: '二级标题',
      heading3: '三级标题',
      heading4: '四级标题',
    },
    separator: '、',
  },
  en: {
    label: 'Font check',
    checking: 'Checking this machine’s fonts…',
    failed: 'Could not check this machine’s fonts: {{message}}',
    heading: 'Fonts: ',
    found: '{{roles}}: {{name}}',
    mapped: '{{roles}}: {{name}} (shown here as {{family}})',
    fallback: '{{roles}}: {{wanted}} (not on this machine; {{used}} will be used)',
    none: '{{roles}}: {{wanted}} (no such face on this machine; the system’s default will be used)',
    missing: 'Missing characters: {{chars}} (not in {{name}})',
    more: ' and {{count}} more',
    cff: '{{roles}} face is CFF: the PDF will embed it as Type 3, which print shops’ preflight may reject',
    cffAvoided: '{{roles}} face {{family}} is CFF: the PDF embeds {{pdf}} from the same chain instead (TrueType)',
    roles: {
      title: 'Title',
      byline: 'Byline',
      body: 'Body',
      heading1: 'Level 1 headings',
      heading2: 'Level 2 headings',
      heading3: 'Level 3 headings',
      heading4: 'Level 4 headings',
    },
    separator: ', ',
  },
} as const;
