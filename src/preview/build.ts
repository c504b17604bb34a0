/**
 * The preview's two builds:
 * - the course, with the same rollup configuration as `npm run build` (scorm-version "auto"),
 *   written into dist/ only when it succeeds, so the last good build stays served;
 * - the player page (src/preview/page/), bundled in memory with esbuild, scorm-again included.
 */
import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { watch as rollupWatch, type OutputAsset, type OutputChunk, type OutputOptions } from 'rollup';
import { build as esbuild } from 'esbuild';
import { courseBuildConfig } from '../content/build-config.ts';
import { compileCourse } from '../content/compile.ts';
import { ContentError, type ContentProblem } from '../content/errors.ts';
import type { Course } from '../course/types.ts';
import type { PageAsset } from './server.ts';
import { writeFileAtomic } from './store.ts';

/** Facts about the course the player needs, as an LMS reads them from the manifest. */
export interface CourseFacts {
  id: string;
  title: string;
  /** Percent; Moodle takes 1.2's `adlcp:masteryscore` (and 2004's minNormalizedMeasure) from it. */
  passMark: number;
  language: string;
  /** course.yaml sets no `support`: the package ships without the organisation's support details. */
  supportMissing?: boolean;
}

export interface BuildStatus {
  /** Counts finished build attempts. */
  id: number;
  /** A build is running now. */
  building: boolean;
  /** The last attempt succeeded. */
  ok: boolean;
  /** When the last attempt finished (ISO), null before the first. */
  time: string | null;
  durationMs: number | null;
  /** Why the last attempt failed: content problems carry file and line. */
  problems: ContentProblem[];
  /** What the author should know about the served build (e.g. an external image left out). */
  warnings: ContentProblem[];
  /** Id of the build now served from dist/; null when there is nothing to serve. 0 = found on disk at start. */
  servedId: number | null;
  /** From the served build, when this process built it. */
  course: CourseFacts | null;
}

export type BuildResult =
  | { ok: true; course: CourseFacts; files: string[]; warnings: ContentProblem[]; durationMs: number }
  | { ok: false; problems: ContentProblem[]; durationMs: number };

/**
 * Build the course into `outDir`. Content problems come back as data (file, line, reason), never
 * as a thrown error or a process exit: the preview keeps running and keeps the last good build.
 * `previousFiles` (the last build's output) are removed when this build no longer makes them.
 */
export async function buildCourseInto(opts: { contentDir: string; outDir: string; previousFiles?: string[] }): Promise<BuildResult> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  // Compile the content first: its errors are the ones an author makes, and this way they come
  // with their file and line instead of wrapped in a rollup plugin message.
  let compiled;
  try {
    compiled = await compileCourse(opts.contentDir);
  } catch (err) {
    return { ok: false, problems: problemsOf(err), durationMs: elapsed() };
  }
  let output: (OutputChunk | OutputAsset)[];
  try {
    output = await bundleOnce(opts.contentDir, opts.outDir);
  } catch (err) {
    return { ok: false, problems: problemsOf(err), durationMs: elapsed() };
  }
  const files: string[] = [];
  try {
    for (const item of output) {
      const target = path.join(opts.outDir, item.fileName);
      // Each file is replaced atomically: a page loaded mid-write gets the old file or the new one.
      await writeFileAtomic(target, item.type === 'chunk' ? item.code : item.source, { durable: false });
      files.push(item.fileName);
    }
    for (const old of opts.previousFiles ?? []) {
      if (!files.includes(old)) await rm(path.join(opts.outDir, old), { force: true });
    }
  } catch (err) {
    return { ok: false, problems: [{ file: opts.outDir, line: null, reason: `could not write the build: ${(err as Error).message}` }], durationMs: elapsed() };
  }
  return {
    ok: true,
    course: factsOf(compiled.course),
    files,
    warnings: compiled.warnings,
    durationMs: elapsed(),
  };
}

function factsOf(course: Course): CourseFacts {
  return {
    id: course.id,
    title: course.title,
    passMark: course.settings.passMark,
    language: course.settings.language,
    supportMissing: course.settings.support.configured === false,
  };
}

/** The facts of the course in `contentDir` without building it (for --no-build); null when it does not compile. */
export async function courseFacts(contentDir: string): Promise<CourseFacts | null> {
  try {
    return factsOf((await compileCourse(contentDir)).course);
  } catch {
    return null;
  }
}

/**
 * One rollup build, in memory. It runs through rollup's watch API and is closed at once: in watch
 * mode the content plugin reports a content error as a build error instead of ending the process
 * (src/content/rollup-plugin.ts), which the preview must survive.
 */
function bundleOnce(contentDir: string, outDir: string): Promise<(OutputChunk | OutputAsset)[]> {
  const config = courseBuildConfig({ contentDir, outDir, scormVersion: 'auto' });
  const output = config.output as OutputOptions;
  return new Promise((resolve, reject) => {
    const watcher = rollupWatch({
      ...config,
      // The content's warnings were already collected from compileCourse (shown in the terminal and on the page).
      onwarn: (warning, warn) => {
        if (warning.plugin === 'course') return;
        (config.onwarn as ((w: typeof warning, d: typeof warn) => void) | undefined)?.(warning, warn);
      },
      watch: { skipWrite: true, clearScreen: false, buildDelay: 0 },
    });
    let done = false;
    watcher.on('event', async (event) => {
      if (done) return;
      if (event.code === 'BUNDLE_END') {
        done = true;
        try {
          resolve((await event.result.generate(output)).output);
        } catch (err) {
          reject(err);
        } finally {
          await event.result.close();
          await watcher.close();
        }
      } else if (event.code === 'ERROR') {
        done = true;
        reject(event.error);
        await event.result?.close();
        await watcher.close();
      }
    });
  });
}

/** Turn any build failure into problems an author can act on. */
export function problemsOf(err: unknown): ContentProblem[] {
  if (err instanceof ContentError) return err.problems;
  const e = err as { message?: string; id?: string; loc?: { file?: string; line?: number }; plugin?: string };
  const file = e.loc?.file ?? e.id ?? '(build)';
  return [{ file: relativeToCwd(file), line: e.loc?.line ?? null, reason: e.message ?? String(err) }];
}

function relativeToCwd(file: string): string {
  return path.isAbsolute(file) ? path.relative(process.cwd(), file) || file : file;
}

const PAGE_DIR = path.join(import.meta.dirname, 'page');

/** Bundle the player page: `index.html`, `page.css` and `page.js` (+ one chunk per SCORM version). */
export async function bundlePage(): Promise<Map<string, PageAsset>> {
  const result = await esbuild({
    entryPoints: { page: path.join(PAGE_DIR, 'main.ts') },
    bundle: true,
    // scorm-again 1.2 and 2004 load as separate chunks: only the chosen version's code runs.
    splitting: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2021',
    outdir: '/preview',
    chunkNames: 'chunk-[name]-[hash]',
    write: false,
    logLevel: 'silent',
    legalComments: 'none',
  });
  const assets = new Map<string, PageAsset>();
  for (const file of result.outputFiles) {
    assets.set(path.basename(file.path), { type: 'text/javascript; charset=utf-8', body: file.text });
  }
  assets.set('index.html', { type: 'text/html; charset=utf-8', body: await readFile(path.join(PAGE_DIR, 'index.html'), 'utf8') });
  assets.set('page.css', { type: 'text/css; charset=utf-8', body: await readFile(path.join(PAGE_DIR, 'page.css'), 'utf8') });
  return assets;
}
