/**
 * HTML → the plain lines detection reads, for rich paste (Word, WPS, browsers), .html files and
 * DOCX (which mammoth turns into HTML first). Each block element is a line; <br> breaks a line;
 * scripts, styles and other non-text elements are dropped. What the markup says about a line —
 * an <h1>–<h6>, Word's heading and title styles (class MsoHeading2, MsoTitle, mso-outline-level),
 * our own DOCX styles as mammoth maps them (p.title, p.byline, p.salutation) — goes in front of
 * the line as a hint marker (detect.ts), so cleanup keeps working on plain text.
 *
 * parse5 is the HTML standard's parser: it never throws on malformed markup and works in the
 * renderer and in Node alike.
 */
import { defaultTreeAdapter, parse, type DefaultTreeAdapterMap, type TreeAdapter } from 'parse5';
import { hintLine, stripHints, type LineHint } from './detect';
import { ImportError } from './errors';

/**
 * Markup nested deeper than this is refused as it is parsed: parse5 walks its stack of open
 * elements for each new one, so a page of 100,000 nested divs took minutes (fuzz.test.ts, issue
 * 21). A speech, even pasted from a web page, is a few dozen elements deep.
 */
export const MAX_HTML_DEPTH = 1000;

/** parse5's own tree, built by an adapter that stops the parse when an element would be nested too deep. */
function boundedTreeAdapter(): TreeAdapter<DefaultTreeAdapterMap> {
  const depths = new WeakMap<object, number>();
  const place = (parent: object, node: object) => {
    const depth = (depths.get(parent) ?? 0) + 1;
    if (depth > MAX_HTML_DEPTH)
      throw new ImportError('bad-structure', `HTML elements nested deeper than ${MAX_HTML_DEPTH} levels`);
    depths.set(node, depth);
  };
  return {
    ...defaultTreeAdapter,
    appendChild(parent, node) {
      place(parent, node);
      defaultTreeAdapter.appendChild(parent, node);
    },
    insertBefore(parent, node, reference) {
      place(parent, node);
      defaultTreeAdapter.insertBefore(parent, node, reference);
    },
  };
}

interface Node {
  nodeName: string;
  value?: string;
  attrs?: Array<{ name: string; value: string }>;
  childNodes?: Node[];
  content?: Node;
  parentNode?: Node | null;
}

/**
 * Class of the span our DOCX import makes of a run in the layout-break style (shared/import/read.ts): the break in it
 * is one our export's layout put in the title, not the reader's, so it is no line break here. The span's text, if
 * a reviewer typed any into that run in Word, is kept like any other.
 */
export const LAYOUT_BREAK_CLASS = 'lectern-layout-break';

/** Elements whose content is never speech text. */
const SKIPPED = new Set([
  'script',
  'style',
  'head',
  'title',
  'noscript',
  'template',
  'iframe',
  'svg',
  'math',
  'object',
  'select',
  'button',
  'textarea',
  'input',
  '#comment',
]);
/** Elements that start and end a line. */
const BLOCKS = new Set([
  'p',
  'div',
  'section',
  'article',
  'main',
  'header',
  'footer',
  'aside',
  'nav',
  'blockquote',
  'pre',
  'li',
  'ul',
  'ol',
  'dl',
  'dt',
  'dd',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'tr',
  'table',
  'tbody',
  'thead',
  'tfoot',
  'caption',
  'figure',
  'figcaption',
  'address',
  'center',
  'body',
  'html',
  'form',
  'fieldset',
  'hr',
]);

function attr(node: Node, name: string): string {
  return node.attrs?.find((a) => a.name === name)?.value ?? '';
}

/** What the element's markup says about its line. */
function hintOf(node: Node): LineHint | undefined {
  const heading = /^h([1-6])$/.exec(node.nodeName);
  if (heading) return Number(heading[1]) as LineHint;
  const classes = attr(node, 'class');
  if (/(^|\s)(title|MsoTitle)(\s|$)/.test(classes)) return 'title';
  if (/(^|\s)byline(\s|$)/.test(classes)) return 'byline';
  if (/(^|\s)salutation(\s|$)/.test(classes)) return 'salutation';
  if (/(^|\s)(?:speech-)?closing(\s|$)/.test(classes)) return 'closing';
  const word =
    /(?:^|\s)MsoHeading([1-6])(?:\s|$)/.exec(classes) ?? /mso-outline-level:\s*([1-6])/.exec(attr(node, 'style'));
  if (word) return Number(word[1]) as LineHint;
  return undefined;
}

/**
 * The lines of an HTML document or fragment, with hint markers where the markup gives one. Throws
 * ImportError('bad-structure') for markup nested deeper than MAX_HTML_DEPTH.
 */
export function htmlToText(html: string): string {
  const lines: string[] = [];
  let current = '';
  let currentHint: LineHint | undefined;
  const endLine = () => {
    // Word pads with no-break spaces; they are layout, not text.
    const text = current.replace(/[ \t\f\v\r\n\u00a0]+/g, ' ').trim();
    if (text) lines.push(currentHint !== undefined ? hintLine(currentHint, text) : text);
    current = '';
    currentHint = undefined;
  };
  // An explicit stack, not recursion: hostile markup may nest tens of thousands deep.
  const stack: Array<Node | 'end'> = [parse(html, { treeAdapter: boundedTreeAdapter() }) as unknown as Node];
  const hints: Array<LineHint | undefined> = [];
  while (stack.length) {
    const node = stack.pop()!;
    if (node === 'end') {
      endLine();
      hints.pop();
      continue;
    }
    const name = node.nodeName;
    if (name === '#text') {
      // Markers written as character references (&#xE000;) are text here: never ours.
      current += stripHints(node.value ?? '');
      continue;
    }
    if (SKIPPED.has(name)) continue;
    if (name === 'br') {
      if (
        attr(node.parentNode ?? { nodeName: '' }, 'class')
          .split(/\s+/)
          .includes(LAYOUT_BREAK_CLASS)
      )
        continue;
      // A title broken over two lines (在全市工作会议上的<br>讲话) is still the title.
      const hint = currentHint === 'title' ? currentHint : undefined;
      endLine();
      currentHint = hint;
      continue;
    }
    if (name === 'td' || name === 'th') current += current ? '\u3000' : '';
    const children = name === 'template' ? (node.content?.childNodes ?? []) : (node.childNodes ?? []);
    if (BLOCKS.has(name)) {
      endLine();
      const hint = hintOf(node) ?? hints[hints.length - 1];
      hints.push(hint);
      stack.push('end');
      for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
      // The hint applies to the line this block starts.
      currentHint = hint;
      continue;
    }
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }
  endLine();
  return lines.join('\n');
}
