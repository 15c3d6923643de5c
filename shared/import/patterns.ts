/**
 * The character classes and number patterns that import rules are written in, each named once:
 * detection (detect.ts) and cleanup (cleanup.ts) build their rules from these, so that "a digit",
 * "a Han character" or "the end of a sentence" means the same in every rule. Strings are regex
 * source to put inside a larger pattern (all of them are meant for the `u` flag); RegExps are
 * whole tests.
 */

/** One Chinese numeral of a heading number: 一 to 十 (〇 is no heading numeral: 一、二〇二五年 is 一). */
export const NUMERAL_CHAR = '[一二三四五六七八九十]';
/** A Chinese heading numeral of one to three characters: 一, 十二, 二十三. */
export const NUMERAL = `${NUMERAL_CHAR}{1,3}`;
/** A digit, half-width or full-width (1, １): text copied from Word often has full-width ones. */
export const DIGIT = '[0-9０-９]';
/** The one or two digits of a heading number (1, 12, １２): three would be a figure (100、). */
export const DIGITS = `${DIGIT}{1,2}`;
/** An opening bracket, full-width or half-width, as around （一）, (1) or a date line. */
export const OPEN_BRACKET = '[（(]';
/** A closing bracket, full-width or half-width. */
export const CLOSE_BRACKET = '[）)]';

/** A Han character, Simplified or Traditional. */
export const HAN = '\\p{Script=Han}';
/** The letters that only pinyin writes: the vowels with a tone mark, and ü. */
export const TONE_LETTERS = 'āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü';
/** A letter of a pinyin syllable, with its tone mark or without. */
export const PINYIN_LETTER = `[a-z${TONE_LETTERS}]`;

/** The marks that end a sentence: 。！？ (the half-width ones are made these by cleanup). */
export const SENTENCE_END = '。！？';
/** Closing quotes, which may follow a sentence's end: ……。” */
export const CLOSING_QUOTES = '”’」』';
/** A mark that ends a sentence, anywhere in a text. */
export const SENTENCE_END_MARK = new RegExp(`[${SENTENCE_END}]`, 'u');
/** A mark that ends a sentence or a clause (；), anywhere in a text: a 第一部分 line with one is a sentence. */
export const SENTENCE_OR_CLAUSE_MARK = new RegExp(`[${SENTENCE_END}；]`, 'u');
/** A mark that ends a sentence or a clause, or a comma, anywhere in a text: a line with one is no title. */
export const PUNCTUATION_MARK = new RegExp(`[${SENTENCE_END}；，]`, 'u');
/** A text whose last mark ends a sentence, a closing quote allowed after it: a line of body text. */
export const ENDS_SENTENCE = new RegExp(`[${SENTENCE_END}][${CLOSING_QUOTES}]?$`, 'u');
/** A text that ends in a semicolon, full-width or half-width: an item of a list inside a sentence. */
export const ENDS_IN_SEMICOLON = /[；;]$/u;
/**
 * A lookahead that holds where the text from here to its end is no sentence: it does not end in
 * 。！？ or a semicolon, with any closing quotes, brackets and spaces after it.
 */
export const NO_SENTENCE_AHEAD = `(?!.*[${SENTENCE_END}；;][${CLOSING_QUOTES}"）)]*\\s*$)`;
