/**
 * "Review this in the lesson" for a question whose source is a sentence or a quote: the link carries
 * the question's `sourceAnchor` (`<passage>-s<N>`, or `<passage>-c<offset>-<length>`) instead of a
 * passage id. Here the anchor is turned into a `<mark>` around just those words, which the lesson view
 * then focuses and highlights like a passage, with "Back to the question" right after it, so that on a
 * small phone the words and the way back are on screen together.
 *
 * The words are found in the passage's text as the build read it (src/content/sentences.ts): text
 * nodes joined, white space collapsed, note markers and visually hidden text left out.
 */
import { css } from 'lit';
import type { Course } from '../../course/types.ts';

const MARK_CLASS = 'source-quote';

/** The passage and words a quiz anchor stands for, or null when no question of this lesson has it. */
export function quoteForAnchor(course: Course, lessonId: string, anchor: string): { passage: string; quote: string } | null {
  for (const quiz of course.quizzes) {
    if (quiz.lessonId !== lessonId) continue;
    for (const q of quiz.questions) {
      if (q.sourceAnchor === anchor && q.sourceQuote) return { passage: q.source, quote: q.sourceQuote };
    }
  }
  return null;
}

/**
 * The element to show for an anchor: a `<mark id=anchor>` around the quoted words (made once), or the
 * whole passage when the words cross element boundaries a mark cannot wrap; null when the anchor is
 * not a quiz anchor of this lesson.
 */
export function markQuote(root: ShadowRoot, course: Course, lessonId: string, anchor: string): HTMLElement | null {
  const hit = quoteForAnchor(course, lessonId, anchor);
  if (!hit) return null;
  const passage = root.getElementById(hit.passage);
  if (!passage) return null;
  const range = findWords(passage, hit.quote);
  if (!range) return passage;
  const mark = document.createElement('mark');
  mark.id = anchor;
  mark.className = MARK_CLASS;
  try {
    range.surroundContents(mark);
  } catch {
    return passage; // the words start inside one element and end in another
  }
  return mark;
}

export function isQuoteMark(el: Element): boolean {
  return el.matches(`mark.${MARK_CLASS}`);
}

/** A DOM range over `quote` in the element's text (white space collapsed), or null. */
export function findWords(el: HTMLElement, quote: string): Range | null {
  const nodes: { node: Text; offset: number }[] = [];
  let text = '';
  const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT, {
    acceptNode: (n) => (n.parentElement?.closest('sup.fnref, .visually-hidden') ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
  });
  for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
    const value = n.data;
    for (let i = 0; i < value.length; i++) {
      const space = /\s/.test(value[i]);
      if (space && (text === '' || text.endsWith(' '))) continue;
      text += space ? ' ' : value[i];
      nodes.push({ node: n, offset: i });
    }
  }
  const at = text.indexOf(quote.replace(/\s+/g, ' ').trim());
  if (at < 0 || quote.trim() === '') return null;
  const first = nodes[at];
  const last = nodes[at + quote.replace(/\s+/g, ' ').trim().length - 1];
  const range = document.createRange();
  range.setStart(first.node, first.offset);
  range.setEnd(last.node, last.offset + 1);
  return range;
}

/** A mark reads as highlighted words, not as a block; it is plain text until it is the linked one. */
export const highlightStyles = css`
  mark.source-quote {
    background: none;
    color: inherit;
  }
  mark.source-quote.passage-highlight {
    background: var(--c-highlight);
    color: inherit;
    border-left: 0;
    margin: 0;
    padding: 0.1em 0.15em;
    border-radius: 2px;
    text-decoration: underline 2px var(--c-highlight-border);
    text-underline-offset: 0.2em;
    -webkit-box-decoration-break: clone;
    box-decoration-break: clone;
  }
  span.back-to-question {
    display: block;
  }
  @media (forced-colors: active) {
    mark.source-quote.passage-highlight {
      border-left: 0;
      outline: 0;
      background: Highlight;
      color: HighlightText;
      forced-color-adjust: none;
    }
  }
  @media print {
    mark.source-quote.passage-highlight {
      background: none;
      text-decoration: none;
    }
  }
`;
