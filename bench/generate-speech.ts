/**
 * A long speech collection for benchmarks: about 300,000 characters in about 3,000 paragraphs
 * under 200 headings (20 level-1, 80 level-2 run-in, 100 level-3 run-in), built deterministically
 * from sentences of the sample speech, with enumerated points. Also the same text as a plain
 * TipTap StarterKit document (headings as h1–h4, everything else as paragraphs).
 */
import type { NodeJSON } from '../shared/document/file-format';

// Sentences of the sample speech with its blanks filled in, so the text has no placeholders of
// its own: the placeholder benchmark seeds exactly the number it asks for.
const SENTENCES = [
  '今年以来，全市上下认真落实市委、市政府决策部署，安全生产工作取得了明显成效。',
  '全市累计完成投资一百二十亿元，同比增长百分之八；新建项目四十个，其中重点项目十二个。',
  '各级各部门要从讲政治的高度，把思想和行动统一到市委、市政府的决策部署上来。',
  '以更高的标准、更实的举措推动工作落地见效。',
  '在看到成绩的同时，我们也要清醒地看到，工作中还存在一些不容忽视的问题。',
  '坚持把项目建设作为推动发展的总抓手，确保重点项目按期开工建设。',
  '要主动对接上级部门，积极争取政策和资金支持，统筹用好存量土地。',
  '要坚持底线思维，加强对重点领域、重点环节的监督检查，及时发现和消除各类风险隐患。',
  '各级党委、政府要切实履行主体责任，主要负责同志要亲自研究、亲自部署、亲自督办。',
  '市委督查室、市政府督查室要把安全生产工作纳入重点督查事项，实行月调度、季通报、年考核。',
  '要充分利用新闻媒体等渠道，广泛宣传安全生产工作的好经验好做法。',
  '让我们在市委的坚强领导下，进一步振奋精神、真抓实干，为推动高质量发展作出新的更大贡献。',
];
const HEADINGS = [
  '统一思想认识，切实增强做好工作的责任感紧迫感',
  '突出工作重点，全力推动各项任务落地见效',
  '强化组织保障，确保各项决策部署落到实处',
  '深化改革创新，持续激发发展动力活力',
];
const LEADS = [
  '充分认识做好工作的重要意义。',
  '清醒认识当前存在的突出问题。',
  '加强组织领导。',
  '强化督查考核。',
  '营造良好氛围。',
];
const POINTS = ['一要', '二要', '三要'];

/** A seeded generator, so every run benchmarks the same text. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const text = (value: string): NodeJSON[] => [{ type: 'text', text: value }];
const para = (value: string, level = 0, runIn = false): NodeJSON => ({
  type: 'paragraph',
  attrs: { level, runIn },
  content: text(value),
});

export interface BenchSpeech {
  doc: NodeJSON;
  characters: number;
  paragraphs: number;
  headings: number;
}

/** Blanks a template leaves, seeded into the text for the placeholder benchmark. */
const BLANKS = ['X市', 'XX同志', '×××', '【数据】', '____', 'X个', '{{单位名称}}', 'X%', '某某单位', 'XX工作'];

/**
 * The benchmark speech as Lectern document JSON. With `placeholders`, that many blanks are spread
 * evenly through the body paragraphs (in place of as many characters, so the length holds).
 */
export function generateSpeech(targetCharacters = 300_000, seed = 20261124, placeholders = 0): BenchSpeech {
  const next = random(seed);
  const body = (min: number) => {
    let out = '';
    while (out.length < min) out += SENTENCES[Math.floor(next() * SENTENCES.length)];
    return out;
  };
  const blocks: NodeJSON[] = [
    { type: 'title', content: text('在全市安全生产工作推进会上的讲话（基准测试合集）') },
    { type: 'byline', content: text('王明') },
    { type: 'salutation', content: text('同志们：') },
  ];
  const plan: Array<[number, number]> = [];
  // The structure scales with the length, so every size has paragraphs of about 100 characters
  // (a 30,000-character speech: 2 level-1 sections, 20 headings, 280 body paragraphs).
  const sections = Math.max(1, Math.round((20 * targetCharacters) / 300_000));
  for (let l1 = 0; l1 < sections; l1++) {
    plan.push([1, l1]);
    for (let l2 = 0; l2 < 4; l2++) {
      plan.push([2, l2]);
      if ((l1 * 4 + l2) % 4 !== 3) plan.push([3, 0]);
      if ((l1 * 4 + l2) % 2 === 0 && (l1 * 4 + l2) % 4 !== 3) plan.push([3, 1]);
    }
  }
  // 10 headings a level-1 section (20 + 80 + 100 at 300,000 characters); the body paragraphs are spread evenly
  // between them.
  const bodyParagraphs = 140 * sections;
  const perHeading = bodyParagraphs / plan.length;
  const paragraphLength = Math.floor(targetCharacters / (bodyParagraphs + plan.length));
  let made = 0;
  plan.forEach(([level, index], i) => {
    if (level === 1) blocks.push(para(HEADINGS[index % HEADINGS.length]!, 1));
    else blocks.push(para(`${LEADS[(index + i) % LEADS.length]}${body(paragraphLength - 35)}`, level, true));
    const until = Math.round((i + 1) * perHeading);
    for (let p = 0; made < until; p++, made++) {
      const point = p < POINTS.length && level === 1 ? POINTS[p] : '';
      blocks.push(para(`${point}${body(paragraphLength - 19)}`));
    }
  });
  if (placeholders) {
    const body = blocks.filter((b) => b.type === 'paragraph' && !b.attrs?.level);
    for (let i = 0; i < placeholders; i++) {
      const block = body[Math.floor((i * body.length) / placeholders)]!;
      const node = block.content![0]!;
      const blank = BLANKS[i % BLANKS.length]!;
      // Each blank goes in after a comma, replacing as many characters as it adds.
      const at = node.text!.indexOf('，', Math.floor(next() * (node.text!.length - 20))) + 1 || 10;
      node.text = `${node.text!.slice(0, at)}${blank}${node.text!.slice(at + blank.length)}`;
    }
  }
  let characters = 0;
  for (const block of blocks) for (const child of block.content ?? []) characters += child.text?.length ?? 0;
  return { doc: { type: 'doc', content: blocks }, characters, paragraphs: blocks.length, headings: plan.length };
}

/** The same text as a StarterKit document: headings h1–h4 (title as h1), everything else paragraphs. */
export function toStarterKit(doc: NodeJSON): NodeJSON {
  return {
    type: 'doc',
    content: (doc.content ?? []).map((block) => {
      const level = Number(block.attrs?.level ?? 0);
      if (block.type === 'title') return { type: 'heading', attrs: { level: 1 }, content: block.content ?? [] };
      if (level > 0) return { type: 'heading', attrs: { level: Math.min(level + 1, 4) }, content: block.content ?? [] };
      return { type: 'paragraph', content: block.content ?? [] };
    }),
  };
}
