/**
 * The page view's strings (issue 14): the status bar's page position, the page boundaries' labels, the zoom and the
 * print preview.
 */

/** The strings by UI language, under `pageView.` in the renderer's resources; every key in both languages. */
export const pageViewStrings = {
  'zh-CN': {
    position: '第 {{page}} 页 / 共 {{count}} 页',
    positionHint: '插入点所在的页和全文页数（按“{{profile}}”排版，与导出的 DOCX、PDF 分页一致）',
    boundary: '第 {{page}} 页',
    zoom: '缩放',
    zoomIn: '放大',
    zoomOut: '缩小',
    zoomReset: '100%',
    zoomFit: '适合宽度',
    zoomShown: '{{percent}}%',
    zoomHint: '页面缩放（Ctrl+= 放大，Ctrl+- 缩小，Ctrl+Alt+0 恢复 100%）',
    preview: '预览',
    previewPage: '预览：第 {{page}} 页 / 共 {{count}} 页（← → 翻页）',
    previous: '上一页',
    next: '下一页',
    back: '返回',
  },
  en: {
    position: 'Page {{page}} of {{count}}',
    positionHint: 'The page the caret is on and the pages in all (laid out as “{{profile}}”, as the DOCX and PDF are)',
    boundary: 'Page {{page}}',
    zoom: 'Zoom',
    zoomIn: 'Zoom In',
    zoomOut: 'Zoom Out',
    zoomReset: '100%',
    zoomFit: 'Fit Width',
    zoomShown: '{{percent}}%',
    zoomHint: 'Page zoom (Ctrl+= zoom in, Ctrl+- zoom out, Ctrl+Alt+0 back to 100%)',
    preview: 'Preview',
    previewPage: 'Preview: page {{page}} of {{count}} (← → turn the pages)',
    previous: 'Previous',
    next: 'Next',
    back: 'Back',
  },
} as const;
