/**
 * Rollup plugin: compiles the content folder into `virtual:course` (plain JSON data, so the
 * browser never parses Markdown or YAML), copies local images, and writes `index.html`.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'rollup';
import { compileCourse, type CompiledCourse } from './compile.ts';
import { ContentError, contentErrorReport, formatProblem } from './errors.ts';
import { renderIndexHtml } from './index-html.ts';
import { pageCss } from './page-css.ts';
import { supportWarningBox } from './settings.ts';
import { packOutline, splitCourse, textChunks } from '../course/course-text.ts';
import type { Course } from '../course/types.ts';

export interface CoursePluginOptions {
  /** Folder holding `modules/`, optional `quizzes/` and optional `course.yaml`. */
  contentDir: string;
  /** `1.2`, `2004` or `auto` (the plain build: find whichever API the LMS offers). */
  scormVersion?: '1.2' | '2004' | 'auto';
  /** Called with the compiled course (the packager needs it for the manifest). */
  onCompiled?: (compiled: CompiledCourse) => void;
  /**
   * For the rollup command line (npm run build): print content problems as a clean message and exit,
   * because rollup's CLI would bury them under a stack trace. Programmatic builds (package, preview,
   * tests) get the ContentError thrown instead.
   */
  exitOnContentError?: boolean;
}

const FAVICON =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><circle cx="16" cy="16" r="14" fill="#1d5c63"/><path d="M9 17l5 5 9-11" fill="none" stroke="#fff" stroke-width="3" stroke-linecap="round" stroke-linejoin="round"/></svg>\n';

/**
 * `virtual:course` is the course's shape (what the first view and the SCORM runtime need);
 * `virtual:course-text` holds one dynamic import per part of the text, so each lesson (with its
 * quizzes) and the glossary's definitions are a chunk of their own, fetched when opened: the first view
 * does not grow with the words (see src/course/course-text.ts). Part modules are
 * `\0virtual:text-lesson-1` (1-based, the outline's order) and `\0virtual:text-glossary`: their chunks
 * are `chunks/text-lesson-1.js` and so on (build-config.ts names chunks after their module).
 */
const COURSE = '\0virtual:course';
const TEXT_INDEX = '\0virtual:course-text';
const TEXT_PART = /^\0virtual:text-lesson-([1-9][0-9]*)$|^\0virtual:text-glossary$/;

/** The index module: loaders in the outline's order (a course without glossary never loads its empty list). */
function textIndex(lessons: number): string {
  const loaders = Array.from({ length: lessons }, (_, i) => `() => import('\\0virtual:text-lesson-${i + 1}')`).join(', ');
  return `export const textParts = { lessons: [${loaders}], glossary: () => import('\\0virtual:text-glossary') };`;
}

/** A data module: plain JSON, so the browser never parses Markdown or YAML. */
const json = (data: unknown) => `export default ${JSON.stringify(data)};`;

/** The course-text module, by its path (the outline module imports its unpacking). */
const COURSE_TEXT = fileURLToPath(new URL('../course/course-text.ts', import.meta.url));

/**
 * The outline module: its passage ids packed (course-text.ts), unpacked as the module loads, so every
 * reader gets the compiled shape. An object literal, not a string for JSON.parse: its keys go unquoted
 * after minifying (JSON.parse cost the shipped course 290 B gzip).
 */
function outlineModule(outline: Course): string {
  return `import { unpackOutline } from ${JSON.stringify(COURSE_TEXT)};\nexport default unpackOutline(${JSON.stringify(packOutline(outline))});`;
}

export function coursePlugin(options: CoursePluginOptions): Plugin {
  let compiled: CompiledCourse | null = null;
  /** The split of `compiled`, made once per build for the many modules that read it. */
  let split: { outline: Course; chunks: ReturnType<typeof textChunks> } | null = null;
  return {
    name: 'course',
    async buildStart() {
      compiled = null;
      split = null;
      try {
        compiled = await compileCourse(options.contentDir);
      } catch (err) {
        if (err instanceof ContentError && options.exitOnContentError && !this.meta.watchMode) {
          process.stderr.write(`\n${contentErrorReport(err)}`);
          process.exit(1);
        }
        throw err;
      }
      for (const file of compiled.inputs) this.addWatchFile(file);
      for (const w of compiled.warnings) this.warn(formatProblem(w));
      options.onCompiled?.(compiled);
    },
    closeBundle() {
      // npm run build: the missing support details are the last thing the author reads.
      if (options.exitOnContentError && !this.meta.watchMode && compiled?.course.settings.support.configured === false) {
        process.stderr.write(supportWarningBox());
      }
    },
    resolveId(id) {
      if (id === 'virtual:course') return COURSE;
      if (id === 'virtual:course-text') return TEXT_INDEX;
      return id.startsWith('\0virtual:text-') && TEXT_PART.test(id) ? id : null;
    },
    load(id) {
      if (!compiled || !(id === COURSE || id === TEXT_INDEX || TEXT_PART.test(id))) return null;
      if (!split) {
        const { outline, text } = splitCourse(compiled.course);
        split = { outline, chunks: textChunks(compiled.course, text) };
      }
      const { outline, chunks } = split;
      if (id === COURSE) return outlineModule(outline);
      if (id === TEXT_INDEX) return textIndex(chunks.lessons.length);
      const [, n] = TEXT_PART.exec(id)!;
      const part = n === undefined ? chunks.glossary : chunks.lessons[Number(n) - 1];
      if (part === undefined) this.error(`${id}: the course has no such part`);
      return json(part);
    },
    generateBundle(_out, bundle) {
      if (!compiled) return;
      for (const [fileName, source] of Object.entries(compiled.assets)) {
        this.emitFile({ type: 'asset', fileName, source: readFileSync(source) });
      }
      this.emitFile({ type: 'asset', fileName: 'course.css', source: pageCss() });
      // A local icon: otherwise browsers ask the server for /favicon.ico, a request outside the package.
      this.emitFile({ type: 'asset', fileName: 'favicon.svg', source: FAVICON });
      const entry = Object.values(bundle).find((f) => f.type === 'chunk' && f.isEntry);
      this.emitFile({
        type: 'asset',
        fileName: 'index.html',
        source: renderIndexHtml(compiled.course, { script: entry?.fileName ?? 'course.js', scormVersion: options.scormVersion ?? 'auto' }),
      });
    },
  };
}
