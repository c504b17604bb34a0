/**
 * Images and figures. The course must work offline inside an LMS, so nothing is hot-linked: an image
 * on another website is replaced by a local copy in `modules/assets/` (same file name) when there is
 * one, and otherwise left out with a warning; the figure then still gives its caption and a text
 * alternative. A long description can live next to the image as `modules/assets/<name>.alt.md`.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { markdownToSafeHtml } from '../markdown.ts';
import { classifyUrl } from '../sanitize.ts';
import {
  appendChild,
  createElement,
  createText,
  getAttr,
  insertBefore,
  detach,
  parseHtml,
  setAttr,
  textContent,
  walkElements,
  type ChildNode,
  type Element,
  type ParentNode,
} from './dom.ts';
import { isBlank, token, type PageReport, type SourceLine } from './source.ts';

export interface ImageContext {
  modulesDir: string;
  report: PageReport;
  /** Package path (`assets/x.png`) -> absolute source file; shared by all pages. */
  assets: Record<string, string>;
  /** Files read (images, alt texts), for watch mode. */
  inputs: Set<string>;
}

export interface ResolvedImage {
  /** Path inside the package, or null when the image is left out. */
  src: string | null;
  /** File name without extension, to find `<stem>.alt.md`. */
  stem: string;
}

function fileNameOf(url: string): string {
  const clean = url.split(/[?#]/)[0];
  let name = clean.slice(clean.lastIndexOf('/') + 1);
  try {
    name = decodeURIComponent(name);
  } catch {
    /* keep it as written */
  }
  return name;
}

const isFile = (p: string) => existsSync(p) && statSync(p).isFile();

function addAsset(ctx: ImageContext, key: string, file: string, line: number | null): string {
  const existing = ctx.assets[key];
  if (existing && path.resolve(existing) !== path.resolve(file)) {
    ctx.report.error(line, `Two different images would both be packaged as ${key}. Rename one of them.`);
  }
  ctx.assets[key] = file;
  ctx.inputs.add(file);
  return key;
}

export function resolveImage(url: string, line: number | null, ctx: ImageContext): ResolvedImage {
  const name = fileNameOf(url);
  const stem = name.replace(/\.[^.]+$/, '');
  const kind = classifyUrl(url);
  // Another website, or a site-absolute path of the original Jekyll site: use a local copy if the author saved one.
  if (kind === 'external' || (kind === 'relative' && url.startsWith('/'))) {
    const local = path.join(ctx.modulesDir, 'assets', name);
    if (name && isFile(local)) return { src: addAsset(ctx, `assets/${name}`, local, line), stem };
    ctx.report.warn(
      line,
      `The image ${url} is not part of the course and is left out: the course must work without the internet. ` +
        `To include it, save a copy as modules/assets/${name || '<file name>'}. The figure shows its caption and text alternative instead.`,
    );
    return { src: null, stem };
  }
  if (kind !== 'relative') {
    ctx.report.warn(line, `The image "${url.slice(0, 60)}" cannot be used (only image files in modules/ can). It is left out.`);
    return { src: null, stem };
  }
  let rel: string;
  try {
    rel = decodeURI(url.split(/[?#]/)[0]);
  } catch {
    rel = url;
  }
  const abs = path.resolve(ctx.modulesDir, rel);
  const fromModules = path.relative(ctx.modulesDir, abs);
  if (fromModules.startsWith('..') || path.isAbsolute(fromModules)) {
    ctx.report.error(line, `The image ${url} is outside the modules/ folder. Put it in modules/assets/ and link it as assets/${name}.`);
    return { src: null, stem };
  }
  if (!isFile(abs)) {
    ctx.report.error(line, `The image file modules/${fromModules.split(path.sep).join('/')} does not exist. Check the file name (it is case-sensitive) or add the file.`);
    return { src: null, stem };
  }
  const posix = fromModules.split(path.sep).join('/');
  return { src: addAsset(ctx, posix.startsWith('assets/') ? posix : `assets/${posix}`, abs, line), stem };
}

/** The long description written for an image, if any (`modules/assets/<stem>.alt.md`). */
export function readLongDescription(stem: string, ctx: ImageContext): string | null {
  if (!stem) return null;
  const file = path.join(ctx.modulesDir, 'assets', `${stem}.alt.md`);
  if (!isFile(file)) return null;
  ctx.inputs.add(file);
  return markdownToSafeHtml(readFileSync(file, 'utf8'));
}

export interface FigureSource {
  caption: string | null;
  alt: string;
  url: string;
  title: string | null;
  line: number;
}

const IMAGE_LINE = /^(\s*)!\[([^\]]*)\]\(\s*<?([^)\s>]+)>?(?:\s+(?:"([^"]*)"|'([^']*)'))?\s*\)\s*(?:\{:[^}]*\})?\s*$/;
const CAPTION_WORD = /^(figure|fig\.|table|chart|diagram|graph|image|map|photo|illustration|exhibit)\s*[\w.-]*\s*[.:\u2013\u2014-]/i;

/**
 * An image alone on its line becomes a figure. The line directly above it is its caption when it says so
 * ("Figure 2. ...") or is a one-line paragraph of its own; text directly below starts a new paragraph.
 */
export function extractFigures(lines: SourceLine[], figures: FigureSource[]): SourceLine[] {
  const out: SourceLine[] = [];
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i];
    const m = l.code ? null : IMAGE_LINE.exec(l.text);
    if (!m) {
      out.push(l);
      continue;
    }
    let caption: string | null = null;
    const prev = out[out.length - 1];
    if (prev && !isBlank(prev) && !prev.code && !/^\s*([#>|<]|[-*+]\s|\d+[.)]\s|!\[)/.test(prev.text)) {
      const alone = isBlank(out[out.length - 2]);
      if (CAPTION_WORD.test(prev.text.trim()) || (alone && prev.text.trim().length <= 200)) {
        caption = prev.text.trim();
        out.pop();
      }
    }
    const indent = m[1];
    figures.push({ caption, alt: m[2], url: m[3], title: m[4] ?? m[5] ?? null, line: l.line });
    out.push({ ...l, text: '' }, { ...l, text: indent + token('fig', String(figures.length - 1)) }, { ...l, text: '' });
  }
  return out;
}

const normal = (s: string) => s.replace(/\s+/g, ' ').trim().toLowerCase().replace(/[\s.:;,]+$/, '');

/** Build the `<figure>` for a figure token (after sanitising: everything here is already safe). */
export function buildFigure(fig: FigureSource, ctx: ImageContext): Element {
  const img = resolveImage(fig.url, fig.line, ctx);
  const figure = createElement('figure');
  const captionHtml = fig.caption ? markdownToSafeHtml(fig.caption, { inline: true, page: true }) : null;
  // Compared as the reader sees it: a bold caption line ("**Figure 1. X**") says the same as the alt "Figure 1. X".
  const captionText = captionHtml === null ? null : textContent(parseHtml(captionHtml));
  if (img.src) {
    // An alt text that only repeats the caption would be read twice (https://www.w3.org/WAI/tutorials/images/decision-tree/).
    const repeatsCaption = captionText !== null && normal(fig.alt) === normal(captionText);
    const attrs: Record<string, string> = { src: img.src, alt: repeatsCaption ? '' : fig.alt.trim() };
    if (fig.title) attrs.title = fig.title;
    appendChild(figure, createElement('img', attrs));
  }
  if (captionHtml) appendChild(figure, createElement('figcaption', {}, [...parseHtml(captionHtml).childNodes]));
  const long = readLongDescription(img.stem, ctx);
  if (long !== null) {
    appendChild(figure, createElement('div', { class: 'figure-alt' }, [...parseHtml(long).childNodes]));
  } else if (!img.src) {
    // The picture is missing: its alt text is all a reader gets (once, if it only repeats the caption).
    const parts: ChildNode[] = [];
    if (fig.alt.trim() && (captionText === null || normal(fig.alt) !== normal(captionText))) {
      parts.push(createElement('p', {}, [createText(fig.alt.trim())]));
    }
    parts.push(createElement('p', { class: 'figure-missing' }, [createText('The image itself is not included in this course.')]));
    appendChild(figure, createElement('div', { class: 'figure-alt' }, parts));
  }
  return figure;
}

/** Replace each figure token paragraph by its figure. */
export function placeFigures(body: ParentNode, figures: FigureSource[], ctx: ImageContext): void {
  walkElements(body, (el) => {
    if (el.tagName !== 'p') return;
    const m = /^\s*\uE000fig:(\d+)\uE001\s*$/.exec(el.childNodes.map((c) => ('value' in c ? c.value : '\u0000')).join(''));
    if (!m || !el.parentNode) return;
    const figure = buildFigure(figures[Number(m[1])], ctx);
    insertBefore(el.parentNode, figure, el);
    detach(el);
  });
}

/**
 * Before sanitising: every other image (inline, reference-style, raw HTML) gets a package path, or is
 * replaced by its alt text when it cannot be included.
 */
export function resolveInlineImages(body: ParentNode, source: SourceLine[], ctx: ImageContext): void {
  walkElements(body, (el: Element) => {
    if (el.tagName !== 'img' || !el.parentNode) return;
    const url = getAttr(el, 'src') ?? '';
    const line = source.find((l) => url && l.text.includes(url))?.line ?? null;
    const img = url ? resolveImage(url, line, ctx) : { src: null, stem: '' };
    if (img.src) {
      setAttr(el, 'src', img.src);
      return;
    }
    const alt = getAttr(el, 'alt');
    if (alt) insertBefore(el.parentNode, createText(alt), el);
    detach(el);
  });
}
