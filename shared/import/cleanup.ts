/**
 * Cleanup of text copied from Chinese web pages, as a list of small named steps. Each step takes
 * the text and answers the cleaned text with how many things it changed, so the import report can
 * list them with counts and the user can switch any of them off. Every step is idempotent.
 */
import * as OpenCC from 'opencc-js';

export interface StepResult {
  text: string;
  count: number;
}

export interface CleanupStep {
  id: 'pinyin' | 'site-noise' | 'punctuation' | 'whitespace' | 't2s';
  run(text: string): StepResult;
}

const HAN = '\\p{Script=Han}';
// One or more annotations in a row (創(chuàng)(chuàng) is one), so that a second pass finds nothing.
const PINYIN = /(\p{Script=Han})(?:\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,7}\))+/gu;

/** 創(chuàng) → 創: pinyin annotations after Chinese characters. */
export const removePinyin: CleanupStep = {
  id: 'pinyin',
  run(text) {
    let count = 0;
    const out = text.replace(PINYIN, (_m, han: string) => {
      count++;
      return han;
    });
    return { text: out, count };
  },
};

const NOISE_LINES: readonly RegExp[] = [
  /^\s*(发布时间|發布時間|发布日期|來源|来源|点击|點擊|作者|责任编辑|責任編輯|浏览次数)[:：]/u,
  /^\s*(相关热词搜索|相關熱詞搜索|相关阅读|上一篇|下一篇|打印本页|关闭窗口)/u,
  // A copyright footer is a short line that is no sentence; a sentence about copyright
  // (维护版权所有者的合法权益。) is not noise.
  /^(?=.{0,40}$)(?!.*[。！？]\s*$).*(版权所有|版權所有|Copyright|©)/iu,
  /^\s*(https?:\/\/|www\.)\S+\s*$/iu,
];

/** A line of keywords and links that a page puts above or below the article. */
function isSpamLine(line: string): boolean {
  const separators = (line.match(/[,，|｜]/g) ?? []).length;
  return /www\.|https?:\/\//i.test(line) && separators >= 2 && !/[。！？]/.test(line);
}

/** Site noise: keyword spam, 发布时间/来源/点击 lines, 相关热词搜索, 版权所有 footers, lone URLs. */
export const removeSiteNoise: CleanupStep = {
  id: 'site-noise',
  run(text) {
    let count = 0;
    // Windows (\r\n) and old Mac (\r) line ends are line ends too: a noise line after a lone \r is
    // found now, not by a second cleanup once the whitespace step has made the \r a \n.
    const lines = text.split(/\r\n?|\n/).filter((line) => {
      // Judged as the whitespace step will leave it: a footer indented past 40 characters is still one.
      const probe = line.trim();
      const noise = isSpamLine(probe) || NOISE_LINES.some((pattern) => pattern.test(probe));
      if (noise) count++;
      return !noise;
    });
    return { text: lines.join('\n'), count };
  },
};

const HALF_TO_FULL: Record<string, string> = { ',': '，', ':': '：', ';': '；', '!': '！', '?': '？' };
// Half-width , : ; ! ? right after a Han character (or a closing Chinese mark), or right before
// one when no Latin letter or digit stands before it; numbers (3,000), times (12:30) and Latin
// text (Windows: 系统) keep theirs.
const HALF_WIDTH = new RegExp(`(?<=[${HAN}”’）】》])[,:;!?]|(?<![0-9A-Za-z])[,:;!?](?=[${HAN}“‘（【《])`, 'gu');

/** , : ; ! ? between Chinese characters become ，：；！？. */
export const fullWidthPunctuation: CleanupStep = {
  id: 'punctuation',
  run(text) {
    let count = 0;
    const out = text.replace(HALF_WIDTH, (ch) => {
      count++;
      return HALF_TO_FULL[ch]!;
    });
    return { text: out, count };
  },
};

/** Indentation and blank lines: every line trimmed, runs of blank lines made one. */
export const normaliseWhitespace: CleanupStep = {
  id: 'whitespace',
  run(text) {
    const lines = text.replace(/\r\n?/g, '\n').split('\n').map((line) => line.replace(/^[\s\u3000]+|[\s\u3000]+$/g, ''));
    const out: string[] = [];
    for (const line of lines) if (line || (out.length && out[out.length - 1] !== '')) out.push(line);
    while (out.length && out[out.length - 1] === '') out.pop();
    const result = out.join('\n');
    return { text: result, count: result === text ? 0 : 1 };
  },
};

let tables: ((text: string) => string) | undefined;

/**
 * OpenCC's Taiwan tables, with two mends so that converting is idempotent: 么 is left alone (the
 * tables read it as Taiwan's form of 幺, so 这么 stays but a 么 on its own, e.g. 好么, would become
 * 幺 — and 麼 → 么 would become 幺 the next time), and a form a second pass converts again
 * (薴 → 苧 → 苎) is converted to the end.
 */
function toSimplified(text: string): string {
  tables ??= OpenCC.Converter({ from: 'tw', to: 'cn' });
  const convert = (part: string) => part.split('么').map(tables!).join('么');
  let out = convert(text);
  for (let pass = 0; pass < 4; pass++) {
    const again = convert(out);
    if (again === out) break;
    out = again;
  }
  return out;
}

/** Traditional → Simplified (opencc-js, Taiwan and Hong Kong forms to mainland). */
export const traditionalToSimplified: CleanupStep = {
  id: 't2s',
  run(text) {
    const out = toSimplified(text);
    let count = 0;
    for (let i = 0; i < Math.min(out.length, text.length); i++) if (out[i] !== text[i]) count++;
    return { text: out, count };
  },
};

/** The share of Han characters that the Simplified conversion would change: high means Traditional. */
export function traditionalShare(text: string): number {
  const han = text.match(/\p{Script=Han}/gu) ?? [];
  if (!han.length) return 0;
  return traditionalToSimplified.run(han.join('')).count / han.length;
}

/**
 * The steps in the order they run: pinyin first, since it hides the words noise lines are known by
 * (發(fā)布); Traditional → Simplified before noise, so that every spelling of 发布时间 is caught
 * in one pass (and a second cleanup finds nothing more to do).
 */
export const CLEANUP_STEPS: readonly CleanupStep[] = [removePinyin, traditionalToSimplified, removeSiteNoise, fullWidthPunctuation, normaliseWhitespace];

export interface CleanupReport {
  text: string;
  steps: Array<{ id: CleanupStep['id']; count: number }>;
}

/** Runs the chosen steps (all but t2s by default; t2s when asked, or when the text is mostly Traditional). */
export function cleanUp(text: string, options: { skip?: ReadonlyArray<CleanupStep['id']>; t2s?: boolean } = {}): CleanupReport {
  const t2s = options.t2s ?? traditionalShare(text) > 0.05;
  const steps: CleanupReport['steps'] = [];
  let current = text;
  for (const step of CLEANUP_STEPS) {
    if (options.skip?.includes(step.id) || (step.id === 't2s' && !t2s)) continue;
    const result = step.run(current);
    steps.push({ id: step.id, count: result.count });
    current = result.text;
  }
  return { text: current, steps };
}
