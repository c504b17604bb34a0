/**
 * Rollup plugin: compiles the content folder into `virtual:course` (plain JSON data, so the
 * browser never parses Markdown or YAML), copies local images, and writes `index.html`.
 */
import { readFileSync } from 'node:fs';
import type { Plugin } from 'rollup';
import { compileCourse, type CompiledCourse } from './compile.ts';
import { ContentError, contentErrorReport, formatProblem } from './errors.ts';
import { renderIndexHtml } from './index-html.ts';
import { pageCss } from './page-css.ts';
import { supportWarningBox } from './settings.ts';
import { splitCourse } from '../course/course-text.ts';

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
 * Two modules: the course's shape (what the first view and the SCORM runtime need) and its text,
 * imported on demand so the first view stays small (see src/course/course-text.ts).
 */
const MODULES: Record<string, string> = {
  'virtual:course': '\0virtual:course',
  'virtual:course-text': '\0virtual:course-text',
};

export function coursePlugin(options: CoursePluginOptions): Plugin {
  let compiled: CompiledCourse | null = null;
  return {
    name: 'course',
    async buildStart() {
      compiled = null;
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
      return MODULES[id] ?? null;
    },
    load(id) {
      if (!compiled || !Object.values(MODULES).includes(id)) return null;
      const { outline, text } = splitCourse(compiled.course);
      return `export default ${JSON.stringify(id === MODULES['virtual:course'] ? outline : text)};`;
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
