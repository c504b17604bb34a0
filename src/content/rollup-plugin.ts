/**
 * Rollup plugin: compiles the content folder into `virtual:course` (plain JSON data, so the
 * browser never parses Markdown or YAML), copies local images, and writes `index.html`.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Plugin } from 'rollup';
import { compileCourse, type CompiledCourse } from './compile.ts';
import { ContentError, contentErrorReport, formatProblem } from './errors.ts';
import { renderIndexHtml } from './index-html.ts';

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

const VIRTUAL = 'virtual:course';
const RESOLVED = '\0virtual:course';

export function coursePlugin(options: CoursePluginOptions): Plugin {
  let compiled: CompiledCourse | null = null;
  return {
    name: 'course',
    resolveId(id) {
      return id === VIRTUAL ? RESOLVED : null;
    },
    async load(id) {
      if (id !== RESOLVED) return null;
      try {
        compiled = await compileCourse(options.contentDir);
      } catch (err) {
        if (err instanceof ContentError) {
          if (options.exitOnContentError && !this.meta.watchMode) {
            process.stderr.write(`\n${contentErrorReport(err)}`);
            process.exit(1);
          }
        }
        throw err;
      }
      for (const file of compiled.inputs) this.addWatchFile(file);
      for (const w of compiled.warnings) this.warn(formatProblem(w));
      options.onCompiled?.(compiled);
      return `export default ${JSON.stringify(compiled.course)};`;
    },
    generateBundle(_out, bundle) {
      if (!compiled) return;
      for (const [fileName, source] of Object.entries(compiled.assets)) {
        this.emitFile({ type: 'asset', fileName, source: readFileSync(source) });
      }
      const css = readFileSync(path.join(import.meta.dirname, '../styles/global.css'), 'utf8');
      this.emitFile({ type: 'asset', fileName: 'course.css', source: css });
      const entry = Object.values(bundle).find((f) => f.type === 'chunk' && f.isEntry);
      this.emitFile({
        type: 'asset',
        fileName: 'index.html',
        source: renderIndexHtml(compiled.course, { script: entry?.fileName ?? 'course.js', scormVersion: options.scormVersion ?? 'auto' }),
      });
    },
  };
}
