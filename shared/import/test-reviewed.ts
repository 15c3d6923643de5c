/**
 * For tests: a small reviewed DOCX as Word writes one (issue 15), built with docx's own tracked-change and
 * comment classes: 「同志们：」, then 「今年以来，全市」, 「上下」 deleted by `deleter`, 「干部群众」 inserted
 * by `inserter`, 「认真贯彻。」, and one comment by 王建国.
 */
import { DeletedTextRun, Document, InsertedTextRun, Packer, Paragraph, TextRun } from 'docx';

export async function smallReviewedDocx(deleter: string, inserter: string): Promise<Uint8Array> {
  const date = '2026-11-30T09:00:00Z';
  const reviewed = new Document({
    comments: { children: [{ id: 0, author: '王建国', children: [new Paragraph('请核实')] }] },
    sections: [
      {
        children: [
          new Paragraph('同志们：'),
          new Paragraph({
            children: [
              new TextRun('今年以来，全市'),
              new DeletedTextRun({ text: '上下', id: 1, author: deleter, date }),
              new InsertedTextRun({ text: '干部群众', id: 2, author: inserter, date }),
              new TextRun('认真贯彻。'),
            ],
          }),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(reviewed));
}
