/**
 * Cleanup of text copied from Chinese web pages, as a list of small named steps. Each step takes
 * the text and answers the cleaned text with how many things it changed, so the import report can
 * list them with counts and the user can switch any of them off. Every step is idempotent.
 */
import * as OpenCC from 'opencc-js';
import { typedHeading } from './detect';
import { HAN, NO_SENTENCE_AHEAD, PINYIN_LETTER, SENTENCE_END_MARK, TONE_LETTERS } from './patterns';

/** What a step made of a text: the cleaned text, and how many things it removed or changed (0 when none). */
export interface StepResult {
  text: string;
  count: number;
}

/** One cleanup step, named by its id in the import report; `run` is idempotent and never throws. */
export interface CleanupStep {
  id: 'pinyin' | 'site-noise' | 'punctuation' | 'whitespace' | 't2s';
  run(text: string): StepResult;
}

/** One pinyin annotation in brackets: (chuàng), (xin). */
const GLOSS = `\\(${PINYIN_LETTER}{1,7}\\)`;
// One or more annotations in a row (創(chuàng)(chuàng) is one), so that a second pass finds nothing.
const PINYIN = new RegExp(`(${HAN})((?:${GLOSS})+)`, 'gu');
const ANNOTATION = /\(([^)]*)\)/gu;
const TONED = new RegExp(`[${TONE_LETTERS}]`, 'u');
/** A run (as PINYIN finds it) with a tone-marked annotation in it. */
const TONED_RUN = new RegExp(`${HAN}(?:${GLOSS})*\\((?=${PINYIN_LETTER}{1,7}\\))[a-z]*[${TONE_LETTERS}]`, 'u');
/** Every toneless Mandarin syllable, by initial (ü written v). */
const SYLLABLES = new Set(
  [
    'a ai an ang ao e ei en eng er o ou yi ya yan yang yao ye yin ying yo yong you yu yuan yue yun wu wa wai wan wang wei wen weng wo',
    'ba bai ban bang bao bei ben beng bi bian biao bie bin bing bo bu pa pai pan pang pao pei pen peng pi pian piao pie pin ping po pou pu',
    'ma mai man mang mao me mei men meng mi mian miao mie min ming miu mo mou mu fa fan fang fei fen feng fo fou fu',
    'da dai dan dang dao de dei den deng di dia dian diao die ding diu dong dou du duan dui dun duo',
    'ta tai tan tang tao te teng ti tian tiao tie ting tong tou tu tuan tui tun tuo',
    'na nai nan nang nao ne nei nen neng ni nian niang niao nie nin ning niu nong nou nu nuan nuo nv nve',
    'la lai lan lang lao le lei leng li lia lian liang liao lie lin ling liu lo long lou lu luan lun luo lv lve',
    'ga gai gan gang gao ge gei gen geng gong gou gu gua guai guan guang gui gun guo',
    'ka kai kan kang kao ke kei ken keng kong kou ku kua kuai kuan kuang kui kun kuo',
    'ha hai han hang hao he hei hen heng hong hou hu hua huai huan huang hui hun huo',
    'ji jia jian jiang jiao jie jin jing jiong jiu ju juan jue jun qi qia qian qiang qiao qie qin qing qiong qiu qu quan que qun',
    'xi xia xian xiang xiao xie xin xing xiong xiu xu xuan xue xun',
    'zha zhai zhan zhang zhao zhe zhei zhen zheng zhi zhong zhou zhu zhua zhuai zhuan zhuang zhui zhun zhuo',
    'cha chai chan chang chao che chen cheng chi chong chou chu chua chuai chuan chuang chui chun chuo',
    'sha shai shan shang shao she shei shen sheng shi shou shu shua shuai shuan shuang shui shun shuo',
    'ran rang rao re ren reng ri rong rou ru rua ruan rui run ruo za zai zan zang zao ze zei zen zeng zi zong zou zu zuan zui zun zuo',
    'ca cai can cang cao ce cen ceng ci cong cou cu cuan cui cun cuo sa sai san sang sao se sen seng si song sou su suan sui sun suo',
  ]
    .join(' ')
    .split(' '),
);

/**
 * 創(chuàng) → 創: pinyin annotations after Chinese characters. A tone-marked annotation is pinyin; a
 * toneless one only when it is a syllable and the text annotates elsewhere with tone marks, since
 * 微信(wechat), 应用(app) and 人工智能(ai) are English glosses. A run loses the pinyin at its start.
 */
export const removePinyin: CleanupStep = {
  id: 'pinyin',
  run(text) {
    // Judged over the whole text, so that a second pass (with the tone marks gone) removes nothing more.
    if (!TONED_RUN.test(text)) return { text, count: 0 };
    let count = 0;
    const out = text.replace(PINYIN, (whole, han: string, annotations: string) => {
      let removed = 0;
      for (const [group, syllable] of annotations.matchAll(ANNOTATION)) {
        if (!TONED.test(syllable!) && !SYLLABLES.has(syllable!)) break;
        removed += group.length;
      }
      if (!removed) return whole;
      count++;
      return han + annotations.slice(removed);
    });
    return { text: out, count };
  },
};

/** A page's date and time before its fields: 2026-03-05, 2026年3月5日 10:30. */
const PAGE_DATE = '\\d{4}[-/.年]\\d{1,2}[-/.月]\\d{1,2}日?(?:\\s+\\d{1,2}:\\d{2}(?::\\d{2})?)?';
/** A site's registration number as a footer states it: 京ICP备12345678号, 网站标识码1234, 公网安备… */
const REGISTRATION_NUMBER = '(ICP[备備]|网站标识码|網站標識碼|公网安备|公網安備)[:：\\s]*\\d';

/** The fields a page lists about an article: 发布时间, 来源, 点击… */
const PAGE_FIELDS =
  '发布时间|發布時間|发布日期|(?:文章|信息|稿件|新闻|新聞)?(?:來源|来源)|' +
  '点击|點擊|作者|责任编辑|責任編輯|浏览次数';
// Not a sentence: noise rules that name words a speech may also use judge only lines without an end mark.
const NOISE_LINES: readonly RegExp[] = [
  // Also after the page's date: 2026-03-05 来源：市生态环境局.
  new RegExp(`^\\s*(?:${PAGE_DATE}\\s*)?(${PAGE_FIELDS})[:：]`, 'u'),
  /^\s*(相关热词搜索|相關熱詞搜索|相关阅读|上一篇|下一篇|打印本页|打印本頁|关闭窗口|關閉窗口)/u,
  // A copyright footer is a short line that is no sentence; a sentence about copyright
  // (维护版权所有者的合法权益。) is not noise, nor is 版权所有者/人 in a short line.
  new RegExp(`^(?=.{0,40}$)${NO_SENTENCE_AHEAD}.*(版权所有|版權所有|Copyright|©)(?![者人])`, 'iu'),
  // Registration numbers mark a footer however long it is (版权所有：… | 网站标识码1234 | 京ICP备12345678号);
  // a sentence about ICP备案 (no number, or with commas and quotes) is not one.
  new RegExp(`^${NO_SENTENCE_AHEAD}(?!.*[，,；;“”"])(?=.*${REGISTRATION_NUMBER})`, 'iu'),
  /^\s*(https?:\/\/|www\.)\S+\s*$/iu,
  // Breadcrumbs: 当前位置：首页 > 领导讲话, 首页 » 新闻中心 » 领导讲话.
  new RegExp(`^(?=.{0,60}$)${NO_SENTENCE_AHEAD}(当前位置|當前位置|您现在的位置|您現在的位置|您的位置)[:：]`, 'u'),
  new RegExp(`^(?=.{0,60}$)${NO_SENTENCE_AHEAD}(?=.*(首页|首頁)).*[>»＞›]`, 'u'),
  // Share buttons and 扫一扫在手机打开当前页, alone or with a few words after them.
  new RegExp(`^(?=.{0,30}$)${NO_SENTENCE_AHEAD}(分享到|分享至)([:：]|$)`, 'u'),
  new RegExp(`^(?=.{0,30}$)${NO_SENTENCE_AHEAD}(扫一扫|掃一掃)`, 'u'),
  // Page tools in brackets: 【字体：大 中 小】【打印】【关闭】, on their own or in a row.
  /^(\s*【\s*((字体|字體|字号|字號)[:：]?[大中小\s]*|打印|列印|打印本页|打印本頁|关闭|關閉|关闭窗口|關閉窗口|收藏|返回顶部|返回頂部)\s*】)+\s*$/u,
  // Staff lines: 编辑：某某 审核：某某 — names only (编辑：要对每一篇稿件负责 is text).
  /^(?:(?:责任编辑|責任編輯|编辑|編輯|审核|審核|校对|校對|审校|審校|签发|簽發)[:：]\s*[^\s，。；：:,]{1,6}\s*)+$/u,
];

/** A line of keywords and links that a page puts above or below the article. */
function isSpamLine(line: string): boolean {
  const separators = (line.match(/[,，|｜]/g) ?? []).length;
  return /www\.|https?:\/\//i.test(line) && separators >= 2 && !SENTENCE_END_MARK.test(line);
}

/** Site noise: keyword spam, 发布时间/来源/点击 lines, 相关热词搜索, 版权所有 footers, lone URLs, page chrome. */
export const removeSiteNoise: CleanupStep = {
  id: 'site-noise',
  run(text) {
    let count = 0;
    // Windows (\r\n) and old Mac (\r) line ends are line ends too: a noise line after a lone \r is
    // found now, not by a second cleanup once the whitespace step has made the \r a \n.
    const lines = text.split(/\r\n?|\n/).filter((line) => {
      // Judged as the whitespace step will leave it: a footer indented past 40 characters is still one.
      const probe = line.trim();
      // A line with a typed heading number (一、 （一） 1. （1） 第一部分) is never noise.
      const noise = !typedHeading(probe) && (isSpamLine(probe) || NOISE_LINES.some((pattern) => pattern.test(probe)));
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
    const lines = text
      .replace(/\r\n?/g, '\n')
      .split('\n')
      .map((line) => line.replace(/^[\s\u3000]+|[\s\u3000]+$/g, ''));
    const out: string[] = [];
    for (const line of lines) if (line || (out.length && out[out.length - 1] !== '')) out.push(line);
    while (out.length && out[out.length - 1] === '') out.pop();
    const result = out.join('\n');
    return { text: result, count: result === text ? 0 : 1 };
  },
};

let tables: ((text: string) => string) | undefined;

// 著作, 著名… only where no word that always takes 着 stands before (意味著作為, 隨著名單, 本著作風
// are 着). Short on purpose: 成为著名, 等著名, 向著名 are 著.
const ZHE_BEFORE = '味隨随沿本朝順顺繞绕憑凭';
/** 著称, 著名, 著作, 著述, 著书, 著者, 著录: 著 before these is zhù. */
const ZHU_AFTER = '稱称名作述書书者錄录';
/**
 * Words where mainland writing keeps 著 (zhù): the Taiwan tables write 着 for every 著 they do not
 * list as a phrase, so 卓著, 编著, 土著 and the Simplified 显著, 著称 would become 卓着, 编着… Only
 * spellings with 著 are listed: a Simplified 着 is never made 著.
 */
const ZHU_WORDS = new RegExp(`([顯显卓編编土專专論论譯译遺遗拙巨名原昭]著|(?<![${ZHE_BEFORE}])著[${ZHU_AFTER}])`, 'u');
const ZHE_BEFORE_ZHU_WORD = new RegExp(`(?<=[${ZHE_BEFORE}])著(?=[${ZHU_AFTER}])`, 'gu');

/** The Taiwan tables, with the 著 of ZHU_WORDS kept (the rest of each such word is converted). */
function convertKeepingZhu(text: string): string {
  // OpenCC's own phrases (著作, 著名) would keep the verb's 著 in 意味著作為: made 着 first.
  return text
    .replace(ZHE_BEFORE_ZHU_WORD, '着')
    .split(ZHU_WORDS)
    .map((part, i) => (i % 2 ? part.split('著').map(tables!).join('著') : tables!(part)))
    .join('');
}

/**
 * OpenCC's Taiwan tables (which turn Taiwan's 看著, 隨著, 著力 into 看着, 随着, 着力 — the Hong Kong
 * and generic tables leave them 著), with three mends: 著 kept in ZHU_WORDS; 么 left alone (the
 * tables read it as Taiwan's form of 幺, so 这么 stays but a 么 on its own, e.g. 好么, would become
 * 幺 — and 麼 → 么 would become 幺 the next time); and a form a second pass converts again
 * (薴 → 苧 → 苎) converted to the end, so that converting is idempotent.
 */
function toSimplified(text: string): string {
  tables ??= OpenCC.Converter({ from: 'tw', to: 'cn' });
  const convert = (part: string) => part.split('么').map(convertKeepingZhu).join('么');
  // Text the tables leave as it is (Simplified text, the common case) is converted once, not twice.
  let previous = text;
  let out = convert(text);
  for (let pass = 0; pass < 4 && out !== previous; pass++) {
    previous = out;
    out = convert(out);
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

const HAN_CHARS = new RegExp(HAN, 'gu');

/** The share of Han characters that the Simplified conversion would change: high means Traditional. */
export function traditionalShare(text: string): number {
  const han = text.match(HAN_CHARS) ?? [];
  if (!han.length) return 0;
  return traditionalToSimplified.run(han.join('')).count / han.length;
}

/**
 * The steps in the order they run: pinyin first, since it hides the words noise lines are known by
 * (發(fā)布); Traditional → Simplified before noise, so that every spelling of 发布时间 is caught
 * in one pass (and a second cleanup finds nothing more to do).
 */
export const CLEANUP_STEPS: readonly CleanupStep[] = [
  removePinyin,
  traditionalToSimplified,
  removeSiteNoise,
  fullWidthPunctuation,
  normaliseWhitespace,
];

/** A cleaned text with the steps that ran on it, in order, each with its count. */
export interface CleanupReport {
  text: string;
  steps: Array<{ id: CleanupStep['id']; count: number }>;
}

/** Runs the chosen steps (all but t2s by default; t2s when asked, or when the text is mostly Traditional). */
export function cleanUp(
  text: string,
  options: { skip?: ReadonlyArray<CleanupStep['id']>; t2s?: boolean } = {},
): CleanupReport {
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
