/**
 * The speeches the page-proof tests lay out (issue 14): the sample speech, and a heading-dense one — twelve
 * sections of a level-1 heading, three run-in level-2 headings, a run-in level-3 heading and a body paragraph,
 * the shape that chained keep-with-next into half-empty pages.
 */
import type { Node as PMNode } from '@tiptap/pm/model';
import { docFromJSON } from '../shared/document/file-format';
import { docOf, type BlockSpec } from '../shared/document/test-docs';
import { sampleDocJSON } from './sample-speech';

const BODY =
  '各级各部门要从讲政治的高度，把思想和行动统一到市委、市政府的决策部署上来，' +
  '以更高的标准、更实的举措推动工作落地见效。';

/** A title too long for one line: the layout breaks it at 「建设 / 暨」, words whole, shorter line above. */
export const LONG_TITLE = '在全市深入推进数字化政府建设暨优化营商环境工作会议上的讲话';
/** The title's lines as the layout breaks it (shared/layout/title-break.ts), for the proofs to find. */
export const LONG_TITLE_LINES = ['在全市深入推进数字化政府建设', '暨优化营商环境工作会议上的讲话'];

/** The sample speech (../shared/fixtures/push-meeting.txt) as a document. */
export function sampleSpeech(): PMNode {
  return docFromJSON(sampleDocJSON() as never);
}

/** The heading-dense speech: 62 blocks, 48 of them headings, 36 of those run in. */
export function headingDenseSpeech(): PMNode {
  const blocks: BlockSpec[] = [
    ['title', LONG_TITLE],
    ['salutation', '同志们：'],
  ];
  for (let section = 0; section < 12; section++) {
    blocks.push([1, '统一思想认识，切实增强做好工作的责任感紧迫感']);
    for (let point = 0; point < 3; point++) blocks.push([2, `充分认识做好工作的重要意义。${BODY}`, 'runIn']);
    blocks.push([3, `加强组织领导。${BODY}`, 'runIn'], [0, BODY + BODY]);
  }
  return docOf(...blocks);
}
