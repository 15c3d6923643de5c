import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SAMPLE_PATH, sampleDocJSON } from '../../e2e/sample-speech';
import { docFromJSON, type NodeJSON } from '../document/file-format';
import { buildOutline, flattenOutline } from '../document/outline';
import { blockRows } from '../document/test-docs';
import { stripHints } from './detect';
import { MAX_HTML_DEPTH, htmlToText } from './html';
import { ImportError, importSource } from './index';

const outline = (json: NodeJSON) =>
  flattenOutline(buildOutline(docFromJSON(json)).entries).map((e) => `${e.level}:${e.label}${e.text}`);
const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;');

/**
 * What Word puts on the clipboard, in miniature: conditional comments, a style block, MsoNormal paragraphs, list
 * numbers in mso-list spans.
 */
const WORD_CLIPBOARD = `<html xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:w="urn:schemas-microsoft-com:office:word">
<head><meta charset="utf-8"><style><!-- p.MsoNormal {margin:0cm;} --></style><!--[if gte mso 9]><xml><w:WordDocument></w:WordDocument></xml><![endif]--></head>
<body lang=ZH-CN><!--StartFragment-->
<p class=MsoTitle align=center><span style='font-family:方正小标宋简体'>在全市推进会上的讲话</span></p>
<p class=MsoNormal align=center><span>（2026年3月15日）</span></p>
<p class=MsoNormal><span>同志们：</span><o:p></o:p></p>
<p class=MsoNormal style='text-indent:32.0pt'><span>今天召开会议。</span></p>
<p class=MsoHeading1 style='mso-list:l0 level1 lfo1'><![if !supportLists]><span style='mso-list:Ignore'>一、<span style='font:7.0pt "Times New Roman"'>&nbsp;</span></span><![endif]><span>统一思想</span></p>
<p class=MsoNormal><span>正文。</span></p>
<p class=MsoNormal style='mso-outline-level:2'><span>（一）</span><span>明确目标。</span><span>要抓好落实。</span></p>
<!--EndFragment--></body></html>`;

describe('htmlToText', () => {
  it('makes a line of each block, drops scripts, styles and comments, and joins inline runs', () => {
    const text = htmlToText(
      '<div><p>第一<b>段</b>文字</p><script>alert(1)</script><style>p{}</style><!-- x --><p>第二段<br>换行</p></div>',
    );
    expect(text).toBe('第一段文字\n第二段\n换行');
  });

  it('marks headings and Word styles as hints, and nothing else', () => {
    const text = htmlToText(
      '<h1>标题</h1><h3>小节</h3><p class="MsoHeading2">二级</p><p style="mso-outline-level:4">四级</p><p>正文</p>',
    );
    expect(text.split('\n')).toEqual([
      '\uE0001\uE001标题',
      '\uE0003\uE001小节',
      '\uE0002\uE001二级',
      '\uE0004\uE001四级',
      '正文',
    ]);
    expect(stripHints(text)).toBe('标题\n小节\n二级\n四级\n正文');
  });

  it('never takes a marker from the text itself', () => {
    expect(htmlToText('<p>\uE0001\uE001假的</p>')).toBe('假的');
  });

  it('survives malformed markup, and reads markup nested hundreds deep', () => {
    expect(htmlToText('<p>未闭合<b>加粗<i>斜体</p><table><tr><td>甲<td>乙</table>')).toBe('未闭合加粗斜体\n甲\u3000乙');
    const deep = `${'<div>'.repeat(MAX_HTML_DEPTH - 10)}深处${'</div>'.repeat(MAX_HTML_DEPTH - 10)}`;
    expect(htmlToText(deep)).toBe('深处');
  });

  it('refuses markup nested deeper than MAX_HTML_DEPTH at once, where parse5 alone took minutes', () => {
    const pages = [
      `${'<div>'.repeat(100_000)}深处`,
      `${'<table><tr><td>'.repeat(5000)}深处`,
      `${'<span>'.repeat(MAX_HTML_DEPTH + 1)}深处`,
    ];
    for (const deep of pages) {
      const started = Date.now();
      let error: unknown;
      try {
        htmlToText(deep);
      } catch (thrown) {
        error = thrown;
      }
      expect(error).toBeInstanceOf(ImportError);
      expect([(error as ImportError).code, (error as ImportError).message]).toEqual([
        'bad-structure',
        '文档结构有误，无法读取。',
      ]);
      expect(Date.now() - started).toBeLessThan(2000);
    }
  });
});

describe('importing HTML', () => {
  it('reads what Word puts on the clipboard as a structured speech', () => {
    const { file } = importSource({ kind: 'html', content: WORD_CLIPBOARD });
    expect(file.doc.content?.map((b) => b.type)).toEqual([
      'title',
      'byline',
      'salutation',
      'paragraph',
      'paragraph',
      'paragraph',
      'paragraph',
    ]);
    expect(outline(file.doc)).toEqual(['1:一、统一思想', '2:（一）明确目标。']);
    expect(file.doc.content?.[6]?.attrs).toEqual({ level: 2, runIn: true });
  });

  it('reads the sample speech as a browser would copy it from a web page', () => {
    const scraped = readFileSync(SAMPLE_PATH.replace('push-meeting.txt', 'push-meeting.scraped.txt'), 'utf8');
    const html = `<html><body><nav><a href="/">首页</a></nav><article>${scraped
      .split('\n')
      .map((line) => `<p>${escape(line)}</p>`)
      .join('\n')}</article></body></html>`;
    const { file } = importSource({ kind: 'html', content: html });
    // The page's own navigation is a line like any other; the rest is the speech.
    const doc = { ...file.doc, content: file.doc.content!.filter((b) => b.content?.[0]?.text !== '首页') };
    expect(outline(doc)).toEqual(outline(sampleDocJSON() as NodeJSON));
  });
});

describe('review cases', () => {
  const types = (html: string) => blockRows(importSource({ kind: 'html', content: html }).file.doc);

  it('keeps a title broken over two lines a title', () => {
    expect(types('<p class="title">在全市经济工作会议上的<br>讲话</p><p>同志们：</p><h1>一、统一思想</h1>')).toEqual([
      'title:在全市经济工作会议上的',
      'title:讲话',
      'salutation:同志们：',
      'paragraph1:统一思想',
    ]);
  });

  it('reads a heading-styled first line followed by the speaker or the salutation as the title, not as 一、', () => {
    expect(
      types(
        '<h1>在全市推进会上的讲话</h1><p>（2026年3月15日）</p><p>同志们：</p><h1>统一思想</h1><p>正文。</p><h1>压实责任</h1>',
      ),
    ).toEqual([
      'title:在全市推进会上的讲话',
      'byline:（2026年3月15日）',
      'salutation:同志们：',
      'paragraph1:统一思想',
      'paragraph:正文。',
      'paragraph1:压实责任',
    ]);
  });

  it('takes no line ending in a colon under a styled heading for the salutation, nor the heading for a byline', () => {
    expect(
      types('<p class="title">讲话</p><h1>总体要求</h1><p>主要做了以下工作：</p><p>正文。</p><h1>工作安排</h1>'),
    ).toEqual([
      'title:讲话',
      'paragraph1:总体要求',
      'paragraph:主要做了以下工作：',
      'paragraph:正文。',
      'paragraph1:工作安排',
    ]);
  });

  it('takes a salutation style only near the top, and never turns a numbered heading into a byline', () => {
    const many = Array.from({ length: 10 }, (_, i) => `<p>第${i}段正文，内容足够长不会被当作署名。</p>`).join('');
    expect(types(`<p>讲话</p><p>一、总体要求</p>${many}<p class="salutation">此致：</p>`).slice(0, 2)).toEqual([
      'title:讲话',
      'paragraph1:总体要求',
    ]);
  });

  it('drops Word’s no-break spaces and never reads markers written as character references', () => {
    expect(htmlToText('<p>认识&nbsp;&nbsp;安全生产</p>')).toBe('认识 安全生产');
    expect(htmlToText('<p>&#xE000;1&#xE001;假的</p>')).toBe('假的');
  });
});
