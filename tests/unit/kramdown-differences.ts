/**
 * The ONE place where our lessons may differ from the page as the site renders it (kramdown), each
 * with why. The differential and property tests turn kramdown's HTML into the expected lesson with
 * exactly these steps, and nothing else; everything not listed here must come out as kramdown has it.
 *
 * First the site's own clean-ups (what a reader of the site never sees as content), then our
 * deliberate differences.
 */
import type { Lesson } from '../../src/course/types.ts';
import { endsSentence, startsLowercase } from '../../src/content/page/source.ts';
import { embedNoticeText } from '../../src/content/page/embeds.ts';
import { applyCorrectionsToSource, readCorrections } from '../../src/content/page/corrections.ts';
import {
  appendChild,
  createElement,
  createText,
  detach,
  findAll,
  getAttr,
  insertBefore,
  isElement,
  isText,
  parseHtml,
  serializeChildren,
  textContent,
  type ChildNode,
  type Element,
  type Fragment,
  type ParentNode,
} from '../../src/content/page/dom.ts';

export interface PageInfo {
  /** Front-matter title. */
  title: string;
}

interface Step {
  name: string;
  why: string;
  apply(tree: Fragment, page: PageInfo): void;
}

const children = (p: ParentNode): Element[] => p.childNodes.filter(isElement);
const squash = (s: string) => s.replace(/\s+/g, ' ').trim();
/** The title-heading match of construct 9: case, punctuation, a leading §, line splits. */
export const looseTitle = (s: string) =>
  squash(s.replace(/^\s*§\s*/u, ''))
    .toLowerCase()
    .replace(/[’‘]/g, "'")
    .replace(/[\p{P}\p{S}]/gu, '')
    .replace(/\s+/g, '');

function flatten(tree: Fragment): void {
  // Wrappers (the site's `<div class="dont-break-out" markdown="1">`) carry no content of their own.
  for (const div of findAll(tree, (el) => el.tagName === 'div' && !getAttr(el, 'class')?.includes('footnotes'))) {
    const parent = div.parentNode!;
    for (const c of [...div.childNodes]) insertBefore(parent, c, div);
    detach(div);
  }
}

/** Differences made on the page's source, before kramdown renders it. */
export const SOURCE_STEPS: { name: string; why: string; apply(text: string, pageFile: string): string }[] = [
  {
    name: 'editor-corrections',
    why: 'A typo that breaks a word for a screen reader ("relationalinterpersonal") is corrected by the course editor (modules/<page>.corrections.yaml); the lesson shows the corrected words in [brackets] with the original for screen readers, so kramdown gets the corrected page.',
    apply: (text, pageFile) => applyCorrectionsToSource(text, readCorrections(pageFile).corrections),
  },
];

export const SITE_CLEANUPS: Step[] = [
  { name: 'style', why: 'The pages\' <style> blocks style the site, they are not text.', apply: (t) => findAll(t, (e) => e.tagName === 'style').forEach(detach) },
  {
    name: 'toc-marker',
    why: 'just-the-docs\' "1. TOC {:toc}" becomes the site\'s in-page contents; the lesson view builds its own from the headings.',
    apply: (t) => findAll(t, (e) => getAttr(e, 'id') === 'markdown-toc').forEach(detach),
  },
  {
    name: 'sibling-contents',
    why: 'The closing "Table of Contents" heading and its list of links to sibling pages is site navigation; the course has its own.',
    apply: (t) => {
      for (const h of findAll(t, (e) => /^h[1-6]$/.test(e.tagName) && /^(table of )?contents$/i.test(squash(textContent(e))))) {
        const sibs = h.parentNode!.childNodes;
        const next = sibs.slice(sibs.indexOf(h) + 1).find((c) => isElement(c) || (isText(c) && c.value.trim()));
        if (next && isElement(next) && /^[uo]l$/.test(next.tagName)) {
          detach(next);
          detach(h);
        }
      }
    },
  },
];

const NOTE_P = /^\s*(\d+|[A-Za-z*†‡]{1,3}|cont\.)\s*$/;
function noteLabel(p: Element): string | null {
  const first = p.childNodes.find((c) => !(isText(c) && !c.value.trim()));
  if (!first || !isElement(first) || first.tagName !== 'sup') return null;
  const m = NOTE_P.exec(textContent(first));
  return m ? m[1] : null;
}

/** Text nodes and elements up to the first note marker that starts a line of the paragraph. */
function leadingText(p: Element): { tail: ChildNode[]; rest: ChildNode[] } | null {
  const kids = p.childNodes;
  for (let i = 1; i < kids.length; i++) {
    const c = kids[i];
    const prev = kids[i - 1];
    if (isElement(c) && c.tagName === 'sup' && NOTE_P.test(textContent(c)) && isText(prev) && /\n\s*$/.test(prev.value)) return { tail: kids.slice(0, i), rest: kids.slice(i) };
  }
  return null;
}

/**
 * A note block whose first line has no marker (the end of a note from an earlier page, issue 24): the
 * site shows it in the small print between the rules; the lesson lists it with the notes. Here the
 * paragraph is split into the unmarked text and the marked notes; resolveTails labels the text.
 */
function splitTails(t: Fragment): { p: Element; next: string | null }[] {
  const tails: { p: Element; next: string | null }[] = [];
  const top = children(t);
  top.forEach((p, i) => {
    if (p.tagName !== 'p' || noteLabel(p) || top[i - 1]?.tagName !== 'hr') return;
    const split = leadingText(p);
    const smallPrint = /\bfs-\d/.test(getAttr(p, 'class') ?? '') && top[i + 1]?.tagName === 'hr';
    if (!split && !smallPrint) return;
    const tail = createElement('p');
    for (const c of split ? split.tail : [...p.childNodes]) appendChild(tail, c);
    insertBefore(t, tail, p);
    if (!split) detach(p);
    tails.push({ p: tail, next: split ? squash(textContent(split.rest[0] as Element)) : null });
  });
  return tails;
}

/** The importer's reading of unmarked text at the top of a note block (src/content/page/notes.ts, continuedNote). */
function resolveTails(t: Fragment, tails: { p: Element; next: string | null }[]): void {
  for (const { p, next } of tails) {
    const n = next && /^\d+$/.test(next) ? Number(next) : null;
    const text = squash(textContent(p));
    const lost = /^(\d{1,3})[\s.)]+\S/.exec(text);
    const label = (l: string) => {
      const first = p.childNodes[0];
      if (isText(first)) first.value = first.value.replace(/^\s*/, l === lost?.[1] ? '' : '…');
      insertBefore(p, createText(' '), p.childNodes[0]);
      insertBefore(p, createElement('sup', {}, [createText(l)]), p.childNodes[0]);
    };
    if (lost && n !== null && Number(lost[1]) === n - 1) {
      const first = p.childNodes[0] as { value: string };
      first.value = first.value.replace(/^\s*\d{1,3}[\s.)]+/, '');
      label(lost[1]);
      continue;
    }
    const all = children(t);
    const notes = all.filter((e) => e.tagName === 'p' && noteLabel(e));
    const earlier = all.slice(0, all.indexOf(p)).filter((e) => notes.includes(e));
    const later = all.slice(all.indexOf(p)).filter((e) => notes.includes(e));
    const previous = n !== null && n > 1 && !later.some((e) => noteLabel(e) === String(n - 1)) ? String(n - 1) : null;
    const target = previous ? earlier.find((e) => noteLabel(e) === previous) : earlier[earlier.length - 1];
    if (target) {
      appendChild(target, createText(' '));
      for (const c of [...p.childNodes]) appendChild(target, c);
      detach(p);
    } else label(previous ?? 'cont.');
  }
}

export const DELIBERATE: Step[] = [
  {
    name: 'title-heading',
    why: 'The page\'s title heading becomes the lesson\'s h1 (the lesson view shows the front-matter title once), so the body starts after it.',
    apply: (t, page) => {
      const h = findAll(t, (e) => /^h[12]$/.test(e.tagName)).find((e) => looseTitle(textContent(e)) === looseTitle(page.title));
      if (h) detach(h);
    },
  },
  {
    name: 'embeds',
    why: 'Embedded players (iframe, embed, object, video, audio) would load from the network, which a course must not; a notice with the embed\'s title or address replaces each.',
    apply: (t) => {
      for (const el of findAll(t, (e) => ['iframe', 'embed', 'object', 'video', 'audio'].includes(e.tagName))) {
        const src = getAttr(el, 'src') ?? getAttr(el, 'data') ?? '';
        const notice = createElement('p', {}, [createText(embedNoticeText(getAttr(el, 'title'), src))]);
        const parent = el.parentNode!;
        if (isElement(parent) && parent.tagName === 'p' && squash(textContent(parent)) === '') {
          insertBefore(parent.parentNode!, notice, parent);
          detach(parent);
        } else {
          insertBefore(parent, notice, el);
          detach(el);
        }
      }
    },
  },
  {
    name: 'figures',
    why: 'An image alone on its line becomes a figure (the line above, when it is a caption, as its caption; the text below a new paragraph). Pictures are compared by their caption: their text alternative is the alt text or the long description written for the course (tests/unit/importer-kramdown.test.ts checks it), and a missing picture is said so.',
    apply: (t) => {
      for (const img of findAll(t, (e) => e.tagName === 'img')) {
        const p = img.parentNode!;
        if (!isElement(p) || p.tagName !== 'p') {
          detach(img);
          continue;
        }
        // Split the paragraph at the image: text lines before, the caption line, text after.
        const kids = p.childNodes;
        const i = kids.indexOf(img as ChildNode);
        const before = kids.slice(0, i);
        const after = kids.slice(i + 1);
        const prevText = before.length ? (isText(before[before.length - 1]) ? (before[before.length - 1] as { value: string }).value : 'x') : '\n';
        const nextText = after.length ? (isText(after[0]) ? (after[0] as { value: string }).value : 'x') : '\n';
        const prevBr = before.length && isElement(before[before.length - 1]) && (before[before.length - 1] as Element).tagName === 'br';
        if (!(/\n\s*$/.test(prevText) || prevBr || /^\s*$/.test(prevText)) || !/^\s*(\n|$)/.test(nextText)) {
          // An image inside a line of text: the reader gets its text alternative.
          const alt = getAttr(img, 'alt');
          if (alt) insertBefore(p, createText(alt), img);
          detach(img);
          continue;
        }
        let caption: ChildNode[] = [];
        const lastNl = (() => {
          for (let k = before.length - 1; k >= 0; k--) {
            const c = before[k];
            if (isText(c) && c.value.slice(0, -1).includes('\n')) return k;
            if (isElement(c) && c.tagName === 'br') return k;
          }
          return -1;
        })();
        const lineText = (nodes: ChildNode[]) => squash(nodes.map((c) => (isText(c) ? c.value : isElement(c) ? textContent(c) : '')).join(''));
        const tail = (c: ChildNode) => (isText(c) ? c.value.slice(c.value.slice(0, -1).lastIndexOf('\n') + 1) : '');
        const candidate = lastNl < 0 ? lineText(before) : squash(tail(before[lastNl]) + ' ' + lineText(before.slice(lastNl + 1)));
        const CAPTION_WORD = /^(figure|fig\.|table|chart|diagram|graph|image|map|photo|illustration|exhibit)\s*[\w.-]*\s*[.:\u2013\u2014-]/i;
        const isCaption = candidate !== '' && (CAPTION_WORD.test(candidate) || (lastNl < 0 && candidate.length <= 200));
        if (before.length && isCaption) {
          if (lastNl < 0) caption = before.splice(0);
          else {
            const c = before[lastNl];
            if (isText(c)) {
              const cut = c.value.slice(0, -1).lastIndexOf('\n');
              caption = [createText(c.value.slice(cut + 1)), ...before.splice(lastNl + 1)];
              c.value = c.value.slice(0, cut);
            } else caption = before.splice(lastNl + 1);
          }
        }
        const parent = p.parentNode!;
        const mk = (nodes: ChildNode[], tag: string) => {
          const el = createElement(tag);
          for (const n of nodes) appendChild(el, n);
          return el;
        };
        if (before.some((c) => squash(textContent(c as Element)) !== '' || (isElement(c) && c.tagName !== 'br'))) insertBefore(parent, mk(before, 'p'), p);
        insertBefore(parent, mk(caption, 'figure'), p);
        if (after.some((c) => squash(isText(c) ? c.value : textContent(c)) !== '')) insertBefore(parent, mk(after, 'p'), p);
        detach(p);
      }
    },
  },
  {
    name: 'notes-to-end',
    why: 'The site writes each note where the PDF\'s page break fell, between rules, often mid-sentence; the lesson lists notes at its end (label, then text) and rejoins the paragraph the note interrupted. Unmarked text at the top of a note block is the end of an earlier note: joined to it when it is on the page, else listed as that note (N-1 before <sup>N</sup>, else "cont."), continued.',
    apply: (t) => {
      const notes: { label: string; el: Element }[] = [];
      const tails = splitTails(t);
      // A paragraph of note lines (an ENDNOTES page: one "<sup>N</sup> ..." per line) is one note per line.
      for (const p of children(t)) {
        if (p.tagName !== 'p' || !noteLabel(p)) continue;
        const parts: ChildNode[][] = [[]];
        for (const c of [...p.childNodes]) {
          if (isElement(c) && c.tagName === 'sup' && NOTE_P.test(textContent(c)) && parts[parts.length - 1].length) {
            const prev = parts[parts.length - 1];
            const last = prev[prev.length - 1];
            if (isText(last) && /\n\s*$/.test(last.value)) parts.push([]);
          }
          parts[parts.length - 1].push(c);
        }
        if (parts.length < 2) continue;
        for (const nodes of parts) {
          const q = createElement('p');
          for (const n of nodes) appendChild(q, n);
          insertBefore(p.parentNode!, q, p);
        }
        detach(p);
      }
      resolveTails(t, tails);
      // A notes heading ("ENDNOTES", "Notes") over nothing but notes becomes the lesson's Notes heading.
      const all = children(t);
      all.forEach((h, k) => {
        if (!/^h[1-6]$/.test(h.tagName) || !/^(end\s*notes|notes|foot\s*notes|references|notes and references)\s*:?$/i.test(squash(textContent(h)))) return;
        const after = all.slice(k + 1);
        const end = after.findIndex((e) => /^h[1-6]$/.test(e.tagName));
        const section = end < 0 ? after : after.slice(0, end);
        if (section.length && section.every((e) => e.tagName === 'hr' || (e.tagName === 'p' && noteLabel(e)))) detach(h);
      });
      // Runs of rules and note paragraphs between two paragraphs: the note blocks.
      const top = children(t);
      for (let i = 0; i < top.length; i++) {
        const el = top[i];
        const label = el.tagName === 'p' ? noteLabel(el) : null;
        if (!label && el.tagName !== 'hr') continue;
        let j = i;
        let found = false;
        for (; j < top.length; j++) {
          const l = top[j].tagName === 'p' ? noteLabel(top[j]) : null;
          if (l) {
            notes.push({ label: l, el: top[j] });
            found = true;
          } else if (top[j].tagName !== 'hr') break;
        }
        if (!found) continue;
        for (const x of top.slice(i, j)) detach(x);
        const a = top[i - 1];
        const b = top[j];
        if (a?.tagName === 'p' && b?.tagName === 'p' && !noteLabel(a)) {
          // As the importer reads the source: a note marker after the full stop does not hide it.
          const ta = textContent(a).replace(/(\d{1,3})\s*$/, (m) => (isElement(a.childNodes[a.childNodes.length - 1]) ? '' : m));
          const tb = textContent(b);
          if (!endsSentence(ta) || startsLowercase(tb)) {
            appendChild(a, createText(' '));
            for (const c of [...b.childNodes]) appendChild(a, c);
            detach(b);
            j++;
          }
        }
        i = j - 1;
      }
      const footnotes = findAll(t, (e) => e.tagName === 'div' && (getAttr(e, 'class') ?? '').includes('footnotes'));
      for (const div of footnotes) {
        findAll(div, (e) => e.tagName === 'li').forEach((li, k) => {
          const id = getAttr(li, 'id') ?? '';
          const label = /^fn:(\d+)$/.test(id) ? String(k + 1) : String(k + 1);
          const p = createElement('p', {}, [createElement('sup', {}, [createText(label)]), createText(' ')]);
          for (const inner of findAll(li, (e) => e.tagName === 'p')) for (const c of [...inner.childNodes]) appendChild(p, c);
          for (const back of findAll(p, (e) => e.tagName === 'a' && (getAttr(e, 'class') ?? '').includes('reversefootnote'))) detach(back);
          notes.push({ label, el: p });
        });
        detach(div);
      }
      // A continued note with no number ("cont.") ends a note from an earlier page: it comes first.
      const rank = (label: string) => (label === 'cont.' ? -1 : Number(label));
      notes.sort((x, y) => rank(x.label) - rank(y.label));
      for (const n of notes) appendChild(t, n.el);
    },
  },
];

/**
 * Pages that are not compared word by word, and why: damaged note markup is repaired (each note kept
 * as its own note, with a warning naming file and line), where kramdown shows the damage as text.
 * The warnings themselves are asserted in importer-kramdown.test.ts.
 */
export const NOT_COMPARED = {
  why: 'A malformed note marker (<sup>12sup>, a note line that lost its <sup>) is repaired with a warning; kramdown shows the damaged markup as it is.',
  test: (warningReasons: string[]) => warningReasons.some((r) => r.includes("marker is malformed")),
};

/** Site clean-ups and deliberate differences, in order, on kramdown's HTML. */
export function expectedTree(kramdownHtml: string, page: PageInfo, extra: Step[] = []): Fragment {
  const t = parseHtml(kramdownHtml);
  for (const s of SITE_CLEANUPS) s.apply(t, page);
  flatten(t);
  for (const s of [...extra, ...DELIBERATE]) s.apply(t, page);
  return t;
}

/**
 * Our lesson as the reader gets it from the importer: the body, then the notes (label, text) as the
 * lesson view lists them. Figures are reduced to their caption (see "figures" above).
 */
export function lessonTree(lesson: Lesson): Fragment {
  const t = parseHtml(lesson.html);
  for (const fig of findAll(t, (e) => e.tagName === 'figure')) {
    const caption = fig.childNodes.filter(isElement).find((e) => e.tagName === 'figcaption');
    for (const c of [...fig.childNodes]) detach(c);
    if (caption) for (const c of [...caption.childNodes]) appendChild(fig, c);
  }
  for (const n of lesson.footnotes) {
    const p = parseHtml(`<p><sup>${n.label}</sup> ${n.html}</p>`);
    for (const c of [...p.childNodes]) appendChild(t, c);
  }
  return t;
}

export { serializeChildren };
