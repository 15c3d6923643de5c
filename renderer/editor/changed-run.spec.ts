import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { docOf } from '../../shared/document/test-docs';
import { changedRun } from './changed-run';

describe('the changed run of blocks', () => {
  it('holds every block that is not the same node, and only blocks with a changed neighbour in the run', () => {
    const texts = fc.array(fc.constantFrom('一', '二', '三', '四'), { minLength: 1, maxLength: 12 });
    fc.assert(
      fc.property(texts, fc.nat(), fc.nat(), fc.constantFrom('type', 'delete', 'insert'), (rows, a, b, kind) => {
        const before = docOf(...rows.map((text) => [0, text] as [number, string]));
        const from = a % before.childCount;
        const to = Math.min(before.childCount, from + (b % 3));
        const children = [...Array(before.childCount).keys()].map((i) => before.child(i));
        const fresh = () => docOf([0, '新']).child(0);
        if (kind === 'type') children.splice(from, 1, fresh());
        else if (kind === 'delete' && before.childCount > to - from) children.splice(from, to - from);
        else children.splice(from, 0, fresh());
        const rebuilt = before.type.create(null, children);
        const run = changedRun(before, rebuilt);
        expect(run.oldEnd - run.start - (run.newEnd - run.start)).toBe(before.childCount - rebuilt.childCount);
        for (let i = 0; i < run.start; i++) expect(rebuilt.child(i)).toBe(before.child(i));
        for (let i = 1; i <= before.childCount - run.oldEnd; i++)
          expect(rebuilt.child(rebuilt.childCount - i)).toBe(before.child(before.childCount - i));
        let pos = 0;
        for (let i = 0; i < run.start; i++) pos += before.child(i).nodeSize;
        expect(run.pos).toBe(pos);
        expect(before.content.size - run.oldTo).toBe(rebuilt.content.size - run.newTo);
        if (run.start < run.oldEnd && run.start < run.newEnd) {
          expect(rebuilt.child(run.start)).not.toBe(before.child(run.start));
          expect(rebuilt.child(run.newEnd - 1)).not.toBe(before.child(run.oldEnd - 1));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('is empty between a document and itself', () => {
    const doc = docOf([1, '统一思想'], [0, '正文']);
    expect(changedRun(doc, doc)).toMatchObject({ start: 2, oldEnd: 2, newEnd: 2 });
  });
});
