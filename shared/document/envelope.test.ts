import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { describeThrown, describeZodIssue, exceedsUtf8Bytes, jsonDepth } from './envelope';

describe('jsonDepth', () => {
  it('counts the keys and indexes on the longest path to a value', () => {
    expect(jsonDepth('text', 10)).toBe(0);
    expect(jsonDepth({}, 10)).toBe(0);
    expect(jsonDepth({ a: 1 }, 10)).toBe(1);
    expect(jsonDepth({ a: [{ b: 1 }] }, 10)).toBe(3);
  });

  it('stops one level past the limit instead of walking a deep file to its bottom', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(jsonDepth(deep, 16)).toBe(17);
  });
});

describe('exceedsUtf8Bytes', () => {
  it('counts UTF-8 bytes: 1 for ASCII, 3 for a Han character, 4 for a character beyond the BMP', () => {
    expect(exceedsUtf8Bytes('abc', 3)).toBe(false);
    expect(exceedsUtf8Bytes('abcd', 3)).toBe(true);
    expect(exceedsUtf8Bytes('讲稿', 6)).toBe(false);
    expect(exceedsUtf8Bytes('讲稿', 5)).toBe(true);
    expect(exceedsUtf8Bytes('a𠀀', 5)).toBe(false);
    expect(exceedsUtf8Bytes('a𠀀', 4)).toBe(true);
  });
});

describe('describeZodIssue', () => {
  it('names the field by its path, under a prefix when given', () => {
    const error = z
      .object({ content: z.array(z.object({ type: z.string() })) })
      .safeParse({ content: [{ type: 1 }] }).error!;
    expect(describeZodIssue(error)).toMatch(/^content\[0\]\.type: /);
    expect(describeZodIssue(error, 'doc')).toMatch(/^doc\.content\[0\]\.type: /);
  });

  it('says (top level) for an issue with no path', () => {
    expect(describeZodIssue(z.string().safeParse(1).error!)).toMatch(/^\(top level\): /);
  });
});

describe('describeThrown', () => {
  it('gives an error’s message, and text for anything else thrown', () => {
    expect(describeThrown(new Error('boom'))).toBe('boom');
    expect(describeThrown(null)).toBe('null');
  });
});
