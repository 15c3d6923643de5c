/**
 * The print preview (issue 14): the pages of the chosen profile, one at a time, drawn from the same layout the PDF is
 * set from and the DOCX agrees with (`layoutSpeech`): each line where it falls on its page, in the profile's faces and
 * sizes, full lines justified to the text block, the number 「— N —」 under the block, odd pages right and even left.
 * It reads the document and changes nothing; ← → (and PageUp / PageDown, Home / End) turn the pages.
 */
import { useMemo, useState, type CSSProperties, type KeyboardEvent } from 'react';
import type { Node as PMNode } from '@tiptap/pm/model';
import { useTranslation } from 'react-i18next';
import { cssFontFamily } from '../../shared/document/fonts';
import type { ExportProfile } from '../../shared/export/profiles';
import { layoutSpeech } from '../../shared/layout/page-layout';
import { PREVIEW_PX_PER_MM, PT_PER_MM, previewLines } from './preview-lines';
import './page-view.css';

/** The preview of `doc`'s pages in `profile`, with its page turner; `onBack` returns to the dialog. */
export function PrintPreview({ doc, profile, onBack }: { doc: PMNode; profile: ExportProfile; onBack: () => void }) {
  const { t } = useTranslation();
  const layout = useMemo(() => layoutSpeech(doc, profile), [doc, profile]);
  const count = layout.pages.length;
  const [index, setIndex] = useState(0);
  const page = Math.min(index, count - 1);
  const lines = useMemo(() => previewLines(doc, profile, layout.pages[page]!.lines), [doc, profile, layout, page]);
  const go = (to: number) => setIndex(Math.max(0, Math.min(count - 1, to)));
  const onKeyDown = (event: KeyboardEvent) => {
    const to = {
      ArrowRight: page + 1,
      PageDown: page + 1,
      ArrowLeft: page - 1,
      PageUp: page - 1,
      Home: 0,
      End: count - 1,
    }[event.key];
    if (to === undefined) return;
    event.preventDefault();
    go(to);
  };
  const mm = (value: number) => `${value * PREVIEW_PX_PER_MM}px`;
  const pt = (value: number) => mm(value / PT_PER_MM);
  const { margins } = profile;
  const odd = (page + 1) % 2 === 1;
  const numberAlign = profile.pageNumbers.placement === 'center' ? 'center' : odd ? 'right' : 'left';
  return (
    <div className="print-preview" data-testid="print-preview">
      <div className="print-preview-bar">
        <button type="button" onClick={() => go(page - 1)} disabled={page === 0}>
          {t('pageView.previous')}
        </button>
        <span data-testid="print-preview-position">{t('pageView.position', { page: page + 1, count })}</span>
        <button type="button" onClick={() => go(page + 1)} disabled={page === count - 1}>
          {t('pageView.next')}
        </button>
      </div>
      <div
        className="print-preview-sheet"
        // The sheet takes the page-turning keys; its label says what it shows.
        tabIndex={0}
        role="img"
        aria-label={t('pageView.previewPage', { page: page + 1, count })}
        onKeyDown={onKeyDown}
        style={{ width: mm(210), height: mm(297) }}
        data-testid="print-preview-page"
      >
        <div
          className="print-preview-block"
          style={{
            left: mm(margins.left),
            top: mm(margins.top),
            width: mm(210 - margins.left - margins.right),
            // The grid's slight pitch reduction, as the PDF sets it (print-html.ts).
            letterSpacing: profile.grid ? pt(-0.25) : 'normal',
          }}
        >
          {lines.map((line, i) => {
            const style: CSSProperties = {
              top: pt(i * profile.lineSpacingPt),
              height: pt(profile.lineSpacingPt),
              lineHeight: pt(profile.lineSpacingPt),
              fontSize: pt(line.sizePt),
              textAlign: line.align,
              textAlignLast: line.align,
              paddingLeft: `${line.indent}em`,
            };
            return (
              <div key={i} className="print-preview-line" style={style} data-testid="print-preview-line">
                {line.pieces.map((piece, j) => (
                  <span key={j} style={{ fontFamily: cssFontFamily(piece.face) }}>
                    {piece.text}
                  </span>
                ))}
                {line.hang ? (
                  <span className="print-preview-hang" style={{ fontFamily: cssFontFamily(line.hang.face) }}>
                    {line.hang.text}
                  </span>
                ) : null}
              </div>
            );
          })}
        </div>
        {
          <div
            className="print-preview-number"
            style={{
              // The number's middle 7 mm below the text block (GB/T 9704), one character in from the block's edge.
              top: `calc(${mm(297 - margins.bottom + 7)} - ${pt(profile.pageNumbers.sizePt / 2)})`,
              left: mm(margins.left),
              width: mm(210 - margins.left - margins.right),
              padding: '0 1em',
              lineHeight: pt(profile.pageNumbers.sizePt),
              textAlign: numberAlign,
              fontSize: pt(profile.pageNumbers.sizePt),
              fontFamily: cssFontFamily('songti'),
            }}
          >
            — {page + 1} —
          </div>
        }
      </div>
      <div className="modal-buttons">
        <button type="button" onClick={onBack}>
          {t('pageView.back')}
        </button>
      </div>
    </div>
  );
}
