import { describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import { docFromJSON } from '../document/file-format';
import { sampleDocJSON } from '../../e2e/sample-speech';
import { exportDocx } from './docx';
import { PROFILES, type ProfileId } from './profiles';
import { FONT_CHAINS } from '../document/fonts';

const sample = () => docFromJSON(sampleDocJSON() as never);

async function unzip(profile: ProfileId) {
  const bytes = await exportDocx(sample(), PROFILES[profile], {
    title: '在全市XX工作推进会上的讲话',
    speaker: '×××',
    date: '2026年7月15日',
  });
  const zip = await JSZip.loadAsync(bytes);
  const read = async (name: string) => (await zip.file(name)?.async('string')) ?? '';
  const footers = await Promise.all(
    Object.keys(zip.files)
      .filter((n) => /^word\/footer\d+\.xml$/.test(n))
      .map((n) => read(n)),
  );
  return {
    document: await read('word/document.xml'),
    styles: await read('word/styles.xml'),
    numbering: await read('word/numbering.xml'),
    settings: await read('word/settings.xml'),
    core: await read('docProps/core.xml'),
    fontTable: await read('word/fontTable.xml'),
    footers,
  };
}

describe('DOCX in the GB/T 9704 profile', () => {
  it('is A4 exactly, with the standard margins and the 22 × 28 grid', async () => {
    const { document } = await unzip('gbt9704');
    expect(document).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    // 37, 35, 28, 26 mm in twips.
    expect(document).toMatch(/w:top="2098"/);
    expect(document).toMatch(/w:bottom="1984"/);
    expect(document).toMatch(/w:left="1587"/);
    expect(document).toMatch(/w:right="1474"/);
    // A line grid, no character grid: see the note in docx.ts.
    expect(document).toContain('<w:docGrid w:type="lines" w:linePitch="579"/>');
  });

  it('sets fixed 28.95 pt spacing, a two-character first-line indent and 3号 仿宋 with eastAsia on every default run', async () => {
    const { styles } = await unzip('gbt9704');
    const defaults = /<w:docDefaults>[\s\S]*?<\/w:docDefaults>/.exec(styles)![0];
    expect(defaults).toMatch(/<w:spacing [^>]*w:line="579" w:lineRule="exact"\/>/);
    expect(defaults).toContain('<w:ind w:left="0" w:firstLine="640" w:firstLineChars="200"/>');
    expect(defaults).toContain(
      '<w:rFonts w:ascii="Times New Roman" w:cs="Times New Roman" w:eastAsia="仿宋_GB2312" w:hAnsi="Times New Roman" w:hint="eastAsia"/>',
    );
    expect(defaults).toContain('<w:sz w:val="32"/>');
  });

  it('makes headings real heading styles with outline levels and the FORMAT.md faces', async () => {
    const { styles, document } = await unzip('gbt9704');
    for (const [i, face] of ['黑体', '楷体_GB2312', '仿宋_GB2312', '仿宋_GB2312'].entries()) {
      const style = new RegExp(`<w:style w:type="paragraph" w:styleId="Heading${i + 1}">[\\s\\S]*?</w:style>`).exec(
        styles,
      )![0];
      expect(style).toContain(`<w:outlineLvl w:val="${i}"/>`);
      expect(style).toContain(`w:eastAsia="${face}"`);
    }
    expect(document.match(/<w:pStyle w:val="Heading1"\/>/g)).toHaveLength(3);
    expect(document.match(/<w:pStyle w:val="Heading2"\/>/g)).toHaveLength(2);
    expect(document.match(/<w:pStyle w:val="Heading3"\/>/g)).toHaveLength(3);
  });

  it('numbers headings with Word numbering (一、 （一） 1. （1）) so Word renumbers after edits', async () => {
    const { numbering, document } = await unzip('gbt9704');
    expect(numbering).toMatch(
      /<w:lvl w:ilvl="0"[^>]*>[\s\S]*?<w:numFmt w:val="chineseCounting"\/>[\s\S]*?<w:lvlText w:val="%1、"\/>/,
    );
    expect(numbering).toMatch(
      /<w:lvl w:ilvl="1"[^>]*>[\s\S]*?<w:numFmt w:val="chineseCounting"\/>[\s\S]*?<w:lvlText w:val="（%2）"\/>/,
    );
    expect(numbering).toMatch(
      /<w:lvl w:ilvl="2"[^>]*>[\s\S]*?<w:numFmt w:val="decimal"\/>[\s\S]*?<w:lvlText w:val="%3."\/>/,
    );
    expect(numbering).toMatch(/<w:suff w:val="nothing"\/>/);
    expect(document).not.toMatch(/<w:t[^>]*>一、/);
    expect(document.match(/<w:numPr>/g)).toHaveLength(8);
  });

  it('keeps a run-in heading one paragraph: lead sentence in the heading face, the rest in the body face', async () => {
    const { document } = await unzip('gbt9704');
    const paragraph = /<w:p>(?:(?!<\/w:p>)[\s\S])*?充分认识做好XX工作的重要意义。[\s\S]*?<\/w:p>/.exec(document)![0];
    expect(paragraph).toContain('<w:pStyle w:val="Heading2"/>');
    expect(paragraph).toMatch(/<w:t xml:space="preserve">XX工作事关全市发展大局/);
    expect(paragraph).toMatch(/w:eastAsia="仿宋_GB2312"[\s\S]*?XX工作事关全市发展大局/);
  });

  it('puts "— N —" page numbers in a PAGE field, odd pages right and even pages left', async () => {
    const { footers, settings, document } = await unzip('gbt9704');
    expect(settings).toContain('<w:evenAndOddHeaders/>');
    expect(document).toMatch(/<w:footerReference w:type="default"/);
    expect(document).toMatch(/<w:footerReference w:type="even"/);
    for (const footer of footers) {
      expect(footer).toMatch(/<w:instrText[^>]*>\s*PAGE\s*<\/w:instrText>/);
      expect(footer).toContain('— ');
    }
    expect(footers.map((f) => /<w:jc w:val="(\w+)"\/>/.exec(f)![1]).sort()).toEqual(['left', 'right']);
  });

  it('writes the title, speaker and date into the document properties, the speaker as the last to modify it', async () => {
    const { core } = await unzip('gbt9704');
    expect(core).toContain('<dc:title>在全市XX工作推进会上的讲话</dc:title>');
    expect(core).toContain('<dc:creator>×××</dc:creator>');
    expect(core).toContain('2026年7月15日');
    expect(core).toContain('<cp:lastModifiedBy>×××</cp:lastModifiedBy>');
  });

  it('names the program as the last to modify a speech with no speaker, never 「Un-named」', async () => {
    const zip = await JSZip.loadAsync(await exportDocx(sample(), PROFILES.gbt9704));
    const core = await zip.file('docProps/core.xml')!.async('string');
    expect(core).toContain('<cp:lastModifiedBy>Lectern 讲稿</cp:lastModifiedBy>');
    expect(core).not.toContain('Un-named');
  });
});

describe('DOCX fixes measured in LibreOffice and Word (issue 14)', () => {
  const paragraphs = (document: string) => document.match(/<w:p>(?:(?!<\/w:p>)[\s\S])*<\/w:p>/g) ?? [];

  it('lets a run-in heading break from the next paragraph while a heading on its own line keeps with it', async () => {
    const { document, styles } = await unzip('gbt9704');
    expect(/<w:style [^>]*w:styleId="Heading2">[\s\S]*?<\/w:style>/.exec(styles)![0]).toContain('<w:keepNext/>');
    const runIn = paragraphs(document).filter((p) => /充分认识做好XX工作的重要意义。|加强组织领导。/.test(p));
    expect(runIn).toHaveLength(2);
    for (const p of runIn) expect(p).toMatch(/<w:keepNext w:val="(false|0)"\/>/);
    const ownLine = paragraphs(document).find((p) => p.includes('统一思想认识'))!;
    expect(ownLine).not.toContain('keepNext');
  });

  it('keeps pages as the layout breaks them: widow control for every paragraph, headings whole (issue 14, item 7)', async () => {
    const { document, styles } = await unzip('gbt9704');
    const all = paragraphs(document);
    expect(all.length).toBeGreaterThan(10);
    // Word applies no widow and orphan control unless told (docx.ts); LibreOffice does, so its page-parity proof
    // cannot see the element left out. It is in the paragraph defaults, so a paragraph the speaker's office adds has
    // it too, and no paragraph turns it off.
    for (const profile of ['gbt9704', 'large'] as const) {
      const defaults = /<w:pPrDefault>[\s\S]*?<\/w:pPrDefault>/.exec((await unzip(profile)).styles)![0];
      expect(defaults, profile).toMatch(/^<w:pPrDefault><w:pPr><w:widowControl\/>/);
    }
    expect(document + styles).not.toMatch(/<w:widowControl w:val/);
    for (const id of ['Heading1', 'Heading2', 'Heading3', 'Heading4']) {
      const style = new RegExp(`<w:style [^>]*w:styleId="${id}">[\\s\\S]*?</w:style>`).exec(styles)![0];
      expect(style, id).toContain('<w:keepLines/>');
    }
    // A run-in heading is body text: it may break across pages.
    const runIn = all.filter((p) => /充分认识做好XX工作的重要意义。|加强组织领导。/.test(p));
    for (const p of runIn) expect(p).toMatch(/<w:keepLines w:val="(false|0)"\/>/);
  });

  it('takes the title off the line grid, one grid line a title line as the layout counts them', async () => {
    const title = (styles: string) => /<w:style [^>]*w:styleId="Title">[\s\S]*?<\/w:style>/.exec(styles)![0];
    // LibreOffice gave each 22 pt title line two grid lines; off the grid it keeps its exact 28.95 pt, the pitch.
    expect(title((await unzip('gbt9704')).styles)).toMatch(/<w:pPr><w:snapToGrid w:val="0"\/>/);
    // Large print has no grid to leave.
    expect(title((await unzip('large')).styles)).not.toContain('snapToGrid');
  });

  it('hints every run font East Asian, so Word sets “ ” — … in the Chinese face', async () => {
    const { document, styles, numbering, footers } = await unzip('gbt9704');
    for (const xml of [document, styles, numbering, ...footers]) {
      const fonts = xml.match(/<w:rFonts [^>]*\/>/g) ?? [];
      for (const font of fonts.filter((f) => f.includes('w:eastAsia='))) expect(font).toContain('w:hint="eastAsia"');
    }
    expect(document.match(/<w:rFonts [^>]*w:hint="eastAsia"/g)?.length).toBeGreaterThan(0);
  });

  it('indents every numbering level two characters on the first line, as body text is', async () => {
    for (const [profile, firstLine] of [
      ['gbt9704', 640],
      ['large', 880],
    ] as const) {
      const { numbering } = await unzip(profile);
      const levels = /<w:abstractNum [^>]*>(?:(?!<\/w:abstractNum>)[\s\S])*?%1、[\s\S]*?<\/w:abstractNum>/.exec(
        numbering,
      )![0];
      const indents = [...levels.matchAll(/<w:lvl w:ilvl="(\d)"[\s\S]*?<\/w:lvl>/g)].map(
        ([lvl]) => /<w:ind [^>]*\/>/.exec(lvl)?.[0],
      );
      expect(indents).toHaveLength(4);
      for (const ind of indents) {
        expect(ind).toContain(`w:firstLine="${firstLine}"`);
        expect(ind).toContain('w:firstLineChars="200"');
        expect(ind).toContain('w:left="0"');
      }
    }
  });

  it('sets the page number on an exact line of its size, its middle 7 mm below the text block', async () => {
    const { document, footers } = await unzip('gbt9704');
    // 35 mm − 7 mm = 1587 twips to the line's middle, less half its 14 pt (140 twips).
    expect(document).toMatch(/<w:pgMar [^>]*w:footer="1447"/);
    for (const footer of footers) {
      expect(footer).toMatch(/<w:spacing [^>]*w:line="280" w:lineRule="exact"\/>/);
      expect(footer).toContain('w:eastAsia="宋体"');
    }
  });

  it('lists every face of every chain in fontTable.xml, each naming the next as its alternative', async () => {
    const { fontTable } = await unzip('gbt9704');
    const fonts = new Map(
      [...fontTable.matchAll(/<w:font w:name="([^"]+)">([\s\S]*?)<\/w:font>/g)].map(([, name, body]) => [
        name!,
        /<w:altName w:val="([^"]+)"\/>/.exec(body!)?.[1],
      ]),
    );
    expect(fonts.get('仿宋_GB2312')).toBe('FangSong_GB2312');
    expect(fonts.get('楷体_GB2312')).toBe('KaiTi_GB2312');
    expect(fonts.get('方正小标宋简体')).toBe('方正小标宋_GBK');
    expect(fonts.get('FZXiaoBiaoSong-B05S')).toBe('宋体');
    expect(fonts.get('黑体')).toBe('SimHei');
    expect(fonts.has('Times New Roman')).toBe(true);
    expect(fonts.has('serif')).toBe(false);
    for (const chain of ['fangsong', 'kaiti', 'heiti', 'xiaobiaosong', 'songti'] as const)
      for (const face of FONT_CHAINS[chain].filter((f) => !/serif|sans/.test(f) || f.includes(' ')))
        expect(fonts.has(face), face).toBe(true);
  });

  it('has one style named Title, Word’s own, and the title paragraph uses it', async () => {
    const { styles, document } = await unzip('gbt9704');
    const names = [...styles.matchAll(/<w:style [^>]*w:styleId="([^"]+)"[^>]*>\s*<w:name w:val="([^"]+)"/g)];
    expect(names.filter(([, , name]) => name === 'Title').map(([, id]) => id)).toEqual(['Title']);
    const title = /<w:style [^>]*w:styleId="Title">[\s\S]*?<\/w:style>/.exec(styles)![0];
    expect(title).toContain('w:eastAsia="方正小标宋简体"');
    expect(title).toContain('<w:sz w:val="44"/>');
    expect(title).toContain('<w:jc w:val="center"/>');
    expect(paragraphs(document)[0]).toContain('<w:pStyle w:val="Title"/>');
  });
});

describe('DOCX in the speech and large-print profiles', () => {
  it('centres page numbers', async () => {
    for (const profile of ['speech', 'large'] as const) {
      const { footers, settings } = await unzip(profile);
      expect(settings).not.toContain('<w:evenAndOddHeaders/>');
      expect(footers.map((f) => /<w:jc w:val="(\w+)"\/>/.exec(f)![1])).toEqual(['center']);
    }
  });

  it('sets large print at 2号 with about 1.8 line spacing, 25 mm margins and no grid', async () => {
    const { styles, document } = await unzip('large');
    expect(styles).toMatch(/<w:sz w:val="44"\/>/);
    expect(styles).toMatch(/w:line="792" w:lineRule="exact"/);
    expect(document).toMatch(/w:top="1417"/);
    expect(document).not.toContain('<w:docGrid w:type="lines"');
  });
});

describe('DOCX read back by mammoth', () => {
  it('finds the headings by their Word heading styles, in order', async () => {
    const mammoth = await import('mammoth');
    const bytes = await exportDocx(sample(), PROFILES.gbt9704);
    const { value: html } = await mammoth.convertToHtml({ buffer: Buffer.from(bytes) });
    const headings = [...html.matchAll(/<h(\d)>(.*?)<\/h\d>/g)].map(
      ([, level, text]) => `${level}:${text!.slice(0, 6)}`,
    );
    expect(headings).toEqual([
      '1:统一思想认识',
      '2:充分认识做好',
      '2:清醒认识当前',
      '1:突出工作重点',
      '1:强化组织保障',
      '3:加强组织领导',
      '3:强化督查考核',
      '3:营造良好氛围',
    ]);
  });
});

describe('the title in the DOCX', () => {
  it('is broken where the layout breaks it: a line break between 「建设」 and 「暨」, none elsewhere', async () => {
    const { docOf } = await import('../document/test-docs');
    const { LONG_TITLE } = await import('../../e2e/proof-speeches');
    const zip = await JSZip.loadAsync(await exportDocx(docOf(['title', LONG_TITLE], [0, '正文']), PROFILES.gbt9704));
    const document = await zip.file('word/document.xml')!.async('string');
    const title = /<w:p>(?:(?!<\/w:p>)[\s\S])*?<w:pStyle w:val="Title"\/>[\s\S]*?<\/w:p>/.exec(document)![0];
    const text = [...title.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>|<w:br\/>/g)].map((m) => m[1] ?? '|').join('');
    expect(text).toBe('在全市深入推进数字化政府建设|暨优化营商环境工作会议上的讲话');
  });
});

describe('the character pitch on the grid', () => {
  it('condenses characters by a quarter point on the GB/T grid, so 28 fit the 156 mm line, and not in large print', async () => {
    const gbt = /<w:rPrDefault>[\s\S]*?<\/w:rPrDefault>/.exec((await unzip('gbt9704')).styles)![0];
    expect(gbt).toContain('<w:spacing w:val="-5"/>');
    const large = /<w:rPrDefault>[\s\S]*?<\/w:rPrDefault>/.exec((await unzip('large')).styles)![0];
    expect(large).not.toContain('<w:spacing');
  });
});
