/**
 * The built-in templates (issue 7): outlines in the register of real speeches for the common
 * occasions, kept as data in `assets/templates/*.json` (one library entry each, ids `builtin-…`).
 * They are imported here so that every bundle (the main process, the command line, the web host)
 * carries them, with no file to find at run time. Read-only: the library offers "duplicate to my
 * library" to make an editable copy.
 */
import workMeeting from '../../assets/templates/work-meeting.json' with { type: 'json' };
import pushMeeting from '../../assets/templates/push-meeting.json' with { type: 'json' };
import experienceExchange from '../../assets/templates/experience-exchange.json' with { type: 'json' };
import mobilization from '../../assets/templates/mobilization.json' with { type: 'json' };
import commendation from '../../assets/templates/commendation.json' with { type: 'json' };
import symposium from '../../assets/templates/symposium.json' with { type: 'json' };
import opening from '../../assets/templates/opening.json' with { type: 'json' };
import closing from '../../assets/templates/closing.json' with { type: 'json' };
import partyLecture from '../../assets/templates/party-lecture.json' with { type: 'json' };
import trainingOpening from '../../assets/templates/training-opening.json' with { type: 'json' };
import trainingClosing from '../../assets/templates/training-closing.json' with { type: 'json' };
import sectionGuarantee from '../../assets/templates/section-guarantee.json' with { type: 'json' };
import { validateLibraryEntry, type LibraryEntry } from './entry';

/** The template files' contents, in the order the library lists them. A new file must be added here (a test checks). */
export const BUILTIN_TEMPLATE_DATA: readonly unknown[] = [
  workMeeting,
  pushMeeting,
  experienceExchange,
  mobilization,
  commendation,
  symposium,
  opening,
  closing,
  partyLecture,
  trainingOpening,
  trainingClosing,
  sectionGuarantee,
];

/** A built-in template that failed validation (a test keeps this empty). */
export interface TemplateProblem {
  index: number;
  message: string;
}

let cached: { entries: LibraryEntry[]; problems: TemplateProblem[] } | undefined;

/**
 * The built-in templates, validated like any library entry, once. A template that fails is left out
 * and reported in `problems`, never thrown: the library still opens.
 */
export function builtinTemplates(): { entries: readonly LibraryEntry[]; problems: readonly TemplateProblem[] } {
  if (!cached) {
    const entries: LibraryEntry[] = [];
    const problems: TemplateProblem[] = [];
    BUILTIN_TEMPLATE_DATA.forEach((data, index) => {
      try {
        entries.push(validateLibraryEntry(data).entry);
      } catch (error) {
        problems.push({ index, message: (error as Error).message });
      }
    });
    cached = { entries, problems };
  }
  return cached;
}
