import { describe, expect, it } from 'vitest';
import { CLOSING_RULES, closingRule, closingStart, type ClosingCandidate } from './closing';

const body = (text: string): ClosingCandidate => ({ type: 'paragraph', level: 0, runIn: false, text });
const heading = (text: string, level = 1, runIn = false): ClosingCandidate => ({
  type: 'paragraph',
  level,
  runIn,
  text,
});

describe('closing rules', () => {
  for (const rule of CLOSING_RULES) {
    it(`${rule.name}: takes its examples for closing words and leaves the others alone`, () => {
      for (const text of rule.finds) expect(closingRule(text)?.name, text).toBe(rule.name);
      for (const text of rule.ignores) expect(closingRule(text), text).toBeUndefined();
    });
  }
});

describe('closingStart', () => {
  const speech = [
    { type: 'title', level: 0, runIn: false, text: '在全市XX工作推进会上的讲话' },
    { type: 'salutation', level: 0, runIn: false, text: '同志们：' },
    body('这次会议的主要任务是……'),
    heading('统一思想'),
    body('正文。'),
    heading('强化责任落实'),
    heading('营造良好氛围。要充分利用……', 3, true),
  ];

  it('finds the address and the thanks after the last section', () => {
    const blocks = [
      ...speech,
      body('同志们，做好下半年XX工作，任务艰巨。让我们……作出新的更大贡献！'),
      body('谢谢大家！'),
    ];
    expect(closingStart(blocks)).toBe(speech.length);
  });

  it('takes blocks already marked closing as they are', () => {
    const blocks = [...speech, body('要抓好落实。'), { type: 'closing', level: 0, runIn: false, text: '完。' }];
    expect(closingStart(blocks)).toBe(speech.length + 1);
  });

  it('leaves the last section’s body text alone when it does not read as closing words', () => {
    expect(closingStart([...speech, body('要抓好落实，确保各项任务按期完成。')])).toBe(speech.length + 1);
    // Closing words before more body text are not at the end: nothing is the closing.
    expect(closingStart([...speech, body('同志们，要抓好落实。'), body('确保各项任务按期完成。')])).toBe(
      speech.length + 2,
    );
  });

  it('does not take the only text under an own-line heading for the closing', () => {
    const blocks = [...speech.slice(0, 6), body('同志们，责任落实是关键。')];
    expect(closingStart(blocks)).toBe(blocks.length);
  });

  it('finds none in a speech without headings, and none among enumerated points', () => {
    expect(closingStart([speech[0]!, body('同志们，今天我们在这里……'), body('谢谢大家！')])).toBe(3);
    expect(closingStart([...speech, body('首先，要统一思想。'), body('最后，要加强组织领导。')])).toBe(
      speech.length + 2,
    );
  });

  it('takes 最后 before a call or a hope for the closing', () => {
    expect(closingStart([...speech, body('最后，希望大家珍惜机会、学有所成。')])).toBe(speech.length);
  });
});
