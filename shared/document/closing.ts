/**
 * The closing remarks (结束语): how a speech's last paragraphs are recognised as its closing, for
 * the importer (which marks them `closing` blocks) and for library entries written before the
 * closing block existed. Rules are a table with their examples (DESIGN.md, decision 11):
 * closing.test.ts runs every one.
 *
 * A closing is found only after the last heading and only at the very end: a run of body
 * paragraphs each of which opens as closing words do (an address to the audience, a call, thanks,
 * a declaration that the meeting closes). A paragraph that does not, or an enumerated point,
 * ends the run, so body text of the last section is never taken for the closing.
 */
import { enumerationMarker } from './enumeration';

/** One way a closing paragraph opens. */
export interface ClosingRule {
  name: 'address' | 'call' | 'thanks' | 'wishes' | 'declaration' | 'finally';
  /** What the rule stands for, for people reading the table. */
  description: string;
  pattern: RegExp;
  /** Paragraphs the rule must take for closing words. */
  finds: readonly string[];
  /** Paragraphs it must leave alone. */
  ignores: readonly string[];
}

/** Who a speech addresses, as 同志们 / 各位代表 / 朋友们 open a sentence. */
const AUDIENCE = '(?:同志们|各位[\\p{Script=Han}]{0,6}?|朋友们|女士们|先生们|老师们|同学们|青年朋友们|代表们)';

export const CLOSING_RULES: readonly ClosingRule[] = [
  {
    name: 'address',
    description: 'The audience addressed at the start, then a pause: 同志们，…… / 各位代表，同志们！',
    pattern: new RegExp(`^${AUDIENCE}(?:[、，,！!]\\s*${AUDIENCE})*[，,！!：:]`, 'u'),
    finds: [
      '同志们，时间不等人，任务不等人。',
      '各位代表，同志们！让我们……',
      '同志们、朋友们，【此处写：结束语】',
      '同志们！',
    ],
    ignores: ['同志们的意见很重要。', '各位代表要认真履职。', '同志们要把思想统一到……上来。'],
  },
  {
    name: 'call',
    description: 'A call to act together: 让我们……',
    pattern: /^让我们/u,
    finds: ['让我们更加紧密地团结在……周围，为……而努力奋斗！'],
    ignores: ['我们要……', '不让我们的努力白费。'],
  },
  {
    name: 'thanks',
    description: 'Thanks to the audience: 谢谢大家！ / 谢谢！',
    pattern: /^(?:谢谢(?:大家|各位|！|!|。|$)|感谢大家|再次感谢)/u,
    finds: ['谢谢大家！', '谢谢！', '谢谢各位。', '感谢大家的聆听！', '再次感谢各位的支持！'],
    ignores: ['谢谢他们的付出值得铭记。'],
  },
  {
    name: 'wishes',
    description: 'Good wishes for the meeting or the audience: 预祝大会圆满成功！ / 祝大家……',
    pattern: /^(?:最后，?\s*)?(?:预祝|祝愿?(?:大家|各位|同志们))/u,
    finds: [
      '预祝大会取得圆满成功！',
      '祝大家新春快乐、工作顺利！',
      '祝愿各位身体健康！',
      '最后，预祝本次培训班圆满成功！',
    ],
    ignores: ['祝贺获奖的同志。', '预算要压减。'],
  },
  {
    name: 'declaration',
    description: 'The meeting declared closed: 现在，我宣布……闭幕！',
    pattern: /^(?:现在，?\s*)?我宣布[^。！]*(?:闭幕|结束|开幕|开班|结业)/u,
    finds: ['现在，我宣布：XX会议胜利闭幕！', '我宣布，培训班结业！'],
    ignores: ['我宣布一项决定。'],
  },
  {
    name: 'finally',
    description: '最后 that closes the speech with a call or hope (最后，希望大家……), not the last of 首先/其次/最后.',
    pattern: /^最后，?\s*(?:我)?(?:希望|衷心希望|让我们|号召|再次|真诚地?希望)/u,
    finds: ['最后，希望大家珍惜机会、学有所成。', '最后，让我们以……！', '最后，我再次强调……'],
    ignores: ['最后，要加强组织领导。', '最后，抓好督促落实。'],
  },
];

/** Which rule takes `text` (a paragraph's text) for closing words, if any. */
export function closingRule(text: string): ClosingRule | undefined {
  const trimmed = text.trimStart();
  return CLOSING_RULES.find((rule) => rule.pattern.test(trimmed));
}

/** What closing detection needs of a block. */
export interface ClosingCandidate {
  /** The block's node type: `paragraph`, `closing`, `title`… */
  type: string;
  /** Heading level 1–4, 0 for body. */
  level: number;
  runIn: boolean;
  text: string;
}

/**
 * The index of the first block of the closing remarks among `blocks` (a speech's top-level
 * blocks in order), or `blocks.length` when it has none. Blocks already marked `closing` at the
 * end are the closing; otherwise the closing is the longest run of body paragraphs at the very
 * end, after the last heading, each opening as closing words do (`closingRule`) and none an
 * enumerated point (首先/其次/最后, 一要/二要 belong to the section). A run straight under an
 * own-line heading is that section's only text, not a closing; a speech with no heading has none.
 */
export function closingStart(blocks: readonly ClosingCandidate[]): number {
  let end = blocks.length;
  while (end > 0 && blocks[end - 1]!.type === 'closing') end--;
  if (end < blocks.length) return end;
  let start = blocks.length;
  while (start > 0) {
    const block = blocks[start - 1]!;
    if (block.type !== 'paragraph' || block.level) break;
    const rule = closingRule(block.text);
    // 最后 opens the last point of 首先/其次/最后 too; the rules take it only before a call or a hope.
    if (!rule || (enumerationMarker(block.text.trimStart()) && !block.text.trimStart().startsWith('最后'))) break;
    start--;
  }
  if (start === blocks.length || start === 0) return blocks.length;
  const before = blocks[start - 1]!;
  if (before.type !== 'paragraph') return blocks.length;
  if (before.level && !before.runIn) return blocks.length;
  // Only after a section: a speech with no heading before the run keeps its paragraphs as body.
  for (let i = start - 1; i >= 0; i--) if (blocks[i]!.type === 'paragraph' && blocks[i]!.level) return start;
  return blocks.length;
}
