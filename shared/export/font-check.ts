/**
 * The font check's sentences (issue 14, item 9), worded once for the export dialog and `lectern export` from the
 * checkFonts channel's answer and the UI strings of one language.
 */
import { fill } from '../i18n/fill';
import type { fontRoles } from '../ipc/contract';

/** How many missing characters a line lists before it says how many more there are. */
export const MISSING_SHOWN = 20;

/** The strings of one language (renderer/components/font-check-strings.ts), as `fontCheckLines` reads them. */
export interface FontCheckStrings {
  heading: string;
  found: string;
  mapped: string;
  fallback: string;
  none: string;
  missing: string;
  more: string;
  cff: string;
  cffAvoided: string;
  roles: Readonly<Record<(typeof fontRoles)[number], string>>;
  separator: string;
}

/** One line of the check: a face chain's line, its missing characters, or the CFF warning. */
export interface FontCheckLine {
  kind: 'face' | 'missing' | 'cff';
  text: string;
}

/** What `fontCheckLines` reads of a check (the checkFonts channel's answer). */
export interface FontCheckChains {
  chains: ReadonlyArray<{
    roles: readonly (typeof fontRoles)[number][];
    wanted: string;
    used: { name: string; family: string; format: string } | null;
    firstChoice: boolean;
    /** The face a PDF embeds (TrueType where the chain allows; absent from an older answer: then `used`). */
    pdf?: { name: string; family: string; format: string } | null;
    missing: readonly string[];
  }>;
}

/**
 * The check's sentences in one language, for the dialog and the CLI alike: per face chain the face used (and the
 * fallback when it is not the first choice), the characters it lacks, and, when `pdf`, what a CFF face means there:
 * the TrueType face of its chain the PDF embeds instead, or, when the chain has none here, the Type 3 warning.
 */
export function fontCheckLines(check: FontCheckChains, strings: FontCheckStrings, pdf: boolean): FontCheckLine[] {
  const lines: FontCheckLine[] = [];
  for (const chain of check.chains) {
    const roles = chain.roles.map((role) => strings.roles[role]).join(strings.separator);
    const { used } = chain;
    const template = !used
      ? strings.none
      : !chain.firstChoice
        ? strings.fallback
        : used.family !== used.name
          ? strings.mapped
          : strings.found;
    lines.push({
      kind: 'face',
      text: fill(template, {
        roles,
        wanted: chain.wanted,
        name: used?.name ?? '',
        family: used?.family ?? '',
        used: used?.name ?? '',
      }),
    });
    if (used && chain.missing.length) {
      const shown = chain.missing.slice(0, MISSING_SHOWN).join(strings.separator);
      const rest = chain.missing.length - MISSING_SHOWN;
      const chars = rest > 0 ? `${shown}${fill(strings.more, { count: rest })}` : shown;
      lines.push({ kind: 'missing', text: fill(strings.missing, { chars, name: used.name }) });
    }
    const embedded = chain.pdf === undefined ? used : chain.pdf;
    if (pdf && used?.format === 'CFF')
      lines.push({
        kind: 'cff',
        text:
          embedded && embedded.format === 'TrueType'
            ? fill(strings.cffAvoided, { roles, family: used.family, pdf: embedded.family })
            : fill(strings.cff, { roles }),
      });
  }
  return lines;
}
