/**
 * Export layout profiles (FORMAT.md): 公文标准 (GB/T 9704), 讲话稿 (speech manuscript) and 大字版
 * (large-print reading copy). Every value is a setting the user can change; these are the defaults.
 */
import type { FaceName } from '../document/fonts';

export type ProfileId = 'gbt9704' | 'speech' | 'large';

export interface ExportProfile {
  id: ProfileId;
  name: string;
  /** Margins in millimetres. */
  margins: { top: number; bottom: number; left: number; right: number };
  /** The document grid (lines × characters a page), or none. */
  grid?: { lines: number; chars: number };
  /** Fixed line spacing in points. */
  lineSpacingPt: number;
  body: { face: FaceName; sizePt: number };
  title: { face: FaceName; sizePt: number };
  byline: { face: FaceName; sizePt: number };
  /** Faces and boldness of heading levels 1–4. */
  headings: ReadonlyArray<{ face: FaceName; bold: boolean }>;
  /** Page numbers "— N —": odd pages right and even left (GB/T), or centred. */
  pageNumbers: { placement: 'odd-even' | 'center'; sizePt: number };
  /** Heading levels that carry numbers (a speech commonly numbers only to the second level). */
  numberedLevels: number;
}

const headings = [
  { face: 'heiti', bold: false },
  { face: 'kaiti', bold: false },
  { face: 'fangsong', bold: false },
  { face: 'fangsong', bold: false },
] as const satisfies ExportProfile['headings'];

const GBT9704: ExportProfile = {
  id: 'gbt9704',
  name: '公文标准 (GB/T 9704)',
  margins: { top: 37, bottom: 35, left: 28, right: 26 },
  grid: { lines: 22, chars: 28 },
  lineSpacingPt: 28.95,
  body: { face: 'fangsong', sizePt: 16 },
  title: { face: 'xiaobiaosong', sizePt: 22 },
  byline: { face: 'kaiti', sizePt: 16 },
  headings,
  pageNumbers: { placement: 'odd-even', sizePt: 14 },
  numberedLevels: 4,
};

export const PROFILES: Readonly<Record<ProfileId, ExportProfile>> = {
  gbt9704: GBT9704,
  // The GB/T page and fonts; a speech centres its page numbers (FORMAT.md, profile 2).
  speech: { ...GBT9704, id: 'speech', name: '讲话稿', pageNumbers: { placement: 'center', sizePt: 14 } },
  large: {
    id: 'large',
    name: '大字版',
    margins: { top: 25, bottom: 25, left: 25, right: 25 },
    lineSpacingPt: 22 * 1.8,
    body: { face: 'fangsong', sizePt: 22 },
    title: { face: 'xiaobiaosong', sizePt: 26 },
    byline: { face: 'kaiti', sizePt: 22 },
    headings,
    pageNumbers: { placement: 'center', sizePt: 22 },
    numberedLevels: 4,
  },
};

/**
 * The bounds of what the export dialog lets the user set, inclusive: every margin in millimetres,
 * the body size and line spacing in points, and how many heading levels are numbered. The dialog
 * refuses values outside them and the IPC contract's settings schema holds them to the same.
 */
export const PROFILE_LIMITS = {
  marginMm: { min: 5, max: 80 },
  bodySizePt: { min: 8, max: 36 },
  lineSpacingPt: { min: 10, max: 80 },
  numberedLevels: { min: 0, max: 4 },
} as const;

/** Whether `value` lies within `limit` (PROFILE_LIMITS' bounds are inclusive). */
export function withinLimit(value: number, limit: { readonly min: number; readonly max: number }): boolean {
  return value >= limit.min && value <= limit.max;
}

/** What the user may adjust in a profile from the export dialog; kept in settings per profile. */
export interface ProfileAdjustment {
  margins?: ExportProfile['margins'];
  bodySizePt?: number;
  lineSpacingPt?: number;
  pageNumbers?: ExportProfile['pageNumbers']['placement'];
  numberedLevels?: number;
  /** Faces for body text, the title, and level-1 and level-2 headings. */
  bodyFace?: FaceName;
  titleFace?: FaceName;
  heading1Face?: FaceName;
  heading2Face?: FaceName;
}

/** A profile with the user's adjustments applied. */
export function adjustProfile(base: ExportProfile, adjustment: ProfileAdjustment = {}): ExportProfile {
  return {
    ...base,
    margins: adjustment.margins ?? base.margins,
    lineSpacingPt: adjustment.lineSpacingPt ?? base.lineSpacingPt,
    body: { face: adjustment.bodyFace ?? base.body.face, sizePt: adjustment.bodySizePt ?? base.body.sizePt },
    title: { ...base.title, face: adjustment.titleFace ?? base.title.face },
    headings: base.headings.map((heading, i) => ({
      ...heading,
      face: (i === 0 ? adjustment.heading1Face : i === 1 ? adjustment.heading2Face : undefined) ?? heading.face,
    })),
    byline: { ...base.byline, sizePt: adjustment.bodySizePt ?? base.byline.sizePt },
    pageNumbers: { ...base.pageNumbers, placement: adjustment.pageNumbers ?? base.pageNumbers.placement },
    numberedLevels: adjustment.numberedLevels ?? base.numberedLevels,
  };
}
