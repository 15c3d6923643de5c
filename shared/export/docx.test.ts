import { describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import { docFromJSON } from '../document/file-format';
import { sampleDocJSON } from '../../e2e/sample-speech';
import { exportDocx } from './docx';
import { PROFILES, type ProfileId } from './profiles';

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
    // charSpace 0 (the default, so not written): see the note in docx.ts.
    expect(document).toContain('<w:docGrid w:type="linesAndChars" w:linePitch="579"/>');
  });

  it('sets fixed 28.95 pt spacing, a two-character first-line indent and 3号 仿宋 with eastAsia on every default run', async () => {
    const { styles } = await unzip('gbt9704');
    const defaults = /<w:docDefaults>[\s\S]*?<\/w:docDefaults>/.exec(styles)![0];
    expect(defaults).toMatch(/<w:spacing [^>]*w:line="579" w:lineRule="exact"\/>/);
    expect(defaults).toContain('<w:ind w:firstLine="640" w:firstLineChars="200"/>');
    expect(defaults).toContain(
      '<w:rFonts w:ascii="Times New Roman" w:cs="Times New Roman" w:eastAsia="仿宋_GB2312" w:hAnsi="Times New Roman"/>',
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

  it('writes the title, speaker and date into the document properties', async () => {
    const { core } = await unzip('gbt9704');
    expect(core).toContain('<dc:title>在全市XX工作推进会上的讲话</dc:title>');
    expect(core).toContain('<dc:creator>×××</dc:creator>');
    expect(core).toContain('2026年7月15日');
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
    expect(document).not.toContain('linesAndChars');
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
