import { describe, expect, it } from 'vitest';
import {
  CommentRangeEnd,
  CommentRangeStart,
  CommentReference,
  DeletedTextRun,
  Document,
  InsertedTextRun,
  Packer,
  Paragraph,
  TextRun,
} from 'docx';
import { resources } from '../../renderer/i18n/resources';
import { importSource } from './index';
import { readImportBytes } from './read';
import { reviewMarks } from './review';
import { reviewSentence, type ReviewMarks } from './review-marks';

const DATE = '2026-11-30T09:00:00Z';

/** A reviewed speech as Word writes one: two reviewers' insertions and deletions, and two comments. */
async function reviewedDocx(): Promise<Uint8Array> {
  const doc = new Document({
    comments: {
      children: [
        { id: 0, author: '王建国', date: new Date(DATE), children: [new Paragraph('数字请核实。')] },
        { id: 1, author: '李明', date: new Date(DATE), children: [new Paragraph('这一句可删。')] },
      ],
    },
    sections: [
      {
        children: [
          new Paragraph({ children: [new TextRun('同志们：')] }),
          new Paragraph({
            children: [
              new TextRun('今年以来，全市'),
              new DeletedTextRun({ text: '上下', id: 1, author: '王建国', date: DATE }),
              new InsertedTextRun({ text: '干部群众', id: 2, author: '王建国', date: DATE }),
              new TextRun('认真贯彻部署，'),
              new CommentRangeStart(0),
              new TextRun('完成投资120亿元'),
              new CommentRangeEnd(0),
              new TextRun({ children: [new CommentReference(0)] }),
              new TextRun('。'),
            ],
          }),
          new Paragraph({
            children: [
              new CommentRangeStart(1),
              new DeletedTextRun({ text: '成绩来之不易。', id: 3, author: '李明', date: DATE }),
              new CommentRangeEnd(1),
              new TextRun({ children: [new CommentReference(1)] }),
              new InsertedTextRun({ text: '成绩值得肯定。', id: 4, author: '李明', date: DATE }),
            ],
          }),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}

describe('a DOCX’s tracked changes and comments (issue 15)', () => {
  it('are counted by kind with their authors, and the comments with them', async () => {
    const source = await readImportBytes(await reviewedDocx(), '送审稿.docx');
    expect(source.review).toEqual({ insertions: 2, deletions: 2, moves: 0, authors: ['王建国', '李明'], comments: 2 });
    // What the counts warn of: the text as if every change were accepted, the comments gone.
    const result = importSource(source);
    const text = JSON.stringify(result.file.doc);
    expect(text).toContain('全市干部群众认真贯彻');
    expect(text).not.toContain('上下');
    expect(text).not.toContain('成绩来之不易');
    expect(text).not.toContain('数字请核实');
    expect(result.review).toEqual(source.review);
  });

  it('are none in a DOCX without them, so the report says nothing', async () => {
    const plain = new Document({ sections: [{ children: [new Paragraph('同志们：'), new Paragraph('今年以来。')] }] });
    const source = await readImportBytes(new Uint8Array(await Packer.toBuffer(plain)), '讲话.docx');
    expect(source.review).toBeUndefined();
    expect(importSource(source).review).toBeUndefined();
  });

  it('count a deleted paragraph mark, a table row and a move as Word stores them', () => {
    const w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
    const xml = `<w:document ${w}><w:body>
      <w:p><w:pPr><w:rPr><w:del w:id="1" w:author="市委办" w:date="${DATE}"/></w:rPr></w:pPr><w:r><w:t>一</w:t></w:r></w:p>
      <w:tbl><w:tr><w:trPr><w:ins w:id="2" w:author="市委办" w:date="${DATE}"/></w:trPr></w:tr></w:tbl>
      <w:p><w:moveFrom w:id="3" w:author="张三" w:date="${DATE}"><w:r><w:delText>移走</w:delText></w:r></w:moveFrom></w:p>
      <w:p><w:moveTo w:id="4" w:author="张三" w:date="${DATE}"><w:r><w:t>移走</w:t></w:r></w:moveTo></w:p>
    </w:body></w:document>`;
    expect(reviewMarks(xml)).toEqual({
      insertions: 1,
      deletions: 1,
      moves: 1,
      authors: ['市委办', '张三'],
      comments: 0,
    });
  });

  it('are read as none from XML that does not parse (mammoth then refuses the file)', () => {
    expect(reviewMarks('<w:document><w:body>', '<w:comments')).toEqual({
      insertions: 0,
      deletions: 0,
      moves: 0,
      authors: [],
      comments: 0,
    });
  });

  it('are said in the import report’s words, in Chinese and in English', () => {
    const marks: ReviewMarks = { insertions: 6, deletions: 16, moves: 1, authors: ['王建国', '李明'], comments: 3 };
    const say = (language: 'zh-CN' | 'en') => reviewSentence(marks, resources[language].translation.importing.review);
    expect(say('zh-CN')).toBe(
      '此文件含修订 23 处（插入 6，删除 16，移动 1；作者：王建国、李明），批注 3 条。' +
        '讲稿尚不能保留修订和批注：导入的是接受全部修订后的文本，批注不会导入。原文件不变。',
    );
    expect(say('en')).toMatch(
      /^This file has 23 tracked changes \(6 inserted, 16 deleted, 1 moved; by 王建国, 李明\) and 3 comments\. /,
    );
  });
});
