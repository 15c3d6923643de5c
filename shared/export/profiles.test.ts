import { describe, expect, it } from 'vitest';
import { PROFILES, adjustProfile } from './profiles';

describe('profiles', () => {
  it('hold the FORMAT.md defaults', () => {
    expect(PROFILES.gbt9704).toMatchObject({
      margins: { top: 37, bottom: 35, left: 28, right: 26 },
      lineSpacingPt: 28.95,
      grid: { lines: 22, chars: 28 },
    });
    expect(PROFILES.large).toMatchObject({
      margins: { top: 25, bottom: 25, left: 25, right: 25 },
      body: { sizePt: 22 },
    });
  });

  it('apply the user’s adjustments and leave the rest of the profile as it was', () => {
    const adjusted = adjustProfile(PROFILES.gbt9704, { bodySizePt: 15, pageNumbers: 'center', numberedLevels: 2 });
    expect(adjusted.body).toEqual({ face: 'fangsong', sizePt: 15 });
    expect(adjusted.pageNumbers).toEqual({ placement: 'center', sizePt: 14 });
    expect(adjusted.numberedLevels).toBe(2);
    expect(adjusted.margins).toBe(PROFILES.gbt9704.margins);
    expect(adjustProfile(PROFILES.speech)).toEqual(PROFILES.speech);
    const faces = adjustProfile(PROFILES.gbt9704, { bodyFace: 'kaiti', titleFace: 'heiti', heading2Face: 'heiti' });
    expect([faces.body.face, faces.title.face, faces.headings[0]!.face, faces.headings[1]!.face]).toEqual([
      'kaiti',
      'heiti',
      'heiti',
      'heiti',
    ]);
  });
});
