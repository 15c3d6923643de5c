/**
 * The strings of the web host's own refusal page, the one page it shows without the renderer: a
 * browser that opens the host's address without its secret (or with the secret of an earlier start)
 * gets it instead of an app whose every call would be refused. Chinese first, English below it,
 * since the host cannot know the language of a page it will not serve.
 */
export const hostStrings = {
  'zh-CN': {
    title: '讲稿：地址缺少访问令牌',
    refused: '此地址缺少访问令牌，或令牌已失效。' + '请打开网页宿主启动时打印的完整地址（含 ?token= 的那一行）。',
  },
  en: {
    title: 'Lectern: the address lacks its access token',
    refused:
      'This address lacks the access token, or the token is no longer valid. ' +
      'Open the full address the web host printed when it started (the line with ?token=…).',
  },
} as const;
