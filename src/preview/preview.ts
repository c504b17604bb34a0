/**
 * The preview LMS put together: build the course and the player page, serve them, store
 * commits, and (in watch mode) rebuild on every content change and tell open pages to relaunch.
 * `npm start` calls this through cli.ts; the browser tests call it directly.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { formatProblem } from '../content/errors.ts';
import { buildCourseInto, bundlePage, courseFacts, type BuildStatus } from './build.ts';
import { startPreviewServer, type PageAsset, type PreviewServer } from './server.ts';
import { CmiStore } from './store.ts';
import { serialRunner, watchContent, type ContentWatcher } from './watch.ts';

export interface PreviewOptions {
  /** Folder with modules/, quizzes/, course.yaml. */
  contentDir: string;
  /** Where the course is built and served from. */
  distDir: string;
  /** Learner records (`.preview-data/`). */
  dataDir: string;
  host?: string;
  port?: number;
  /** Build the course before serving (false: serve `distDir` as it is). */
  build?: boolean;
  /** Rebuild on changes (implies build). */
  watch?: boolean;
  /** Also watch these folders (the course's source code). */
  watchExtraDirs?: string[];
  watchIgnoreDirs?: string[];
  /** One line at a time for the terminal. */
  log?: (line: string) => void;
}

export interface Preview {
  url: string;
  server: PreviewServer;
  store: CmiStore;
  status(): BuildStatus;
  /** Build now (what a change in watch mode does); resolves when the build is over. */
  rebuild(): Promise<void>;
  close(): Promise<void>;
}

export async function startPreview(opts: PreviewOptions): Promise<Preview> {
  const log = opts.log ?? (() => {});
  const store = new CmiStore(opts.dataDir);
  const swept = await store.sweepTempFiles();
  for (const f of swept) log(`removed an unfinished write: ${f}`);

  const status: BuildStatus = {
    id: 0,
    building: false,
    ok: true,
    time: null,
    durationMs: null,
    problems: [],
    warnings: [],
    servedId: existsSync(path.join(opts.distDir, 'index.html')) ? 0 : null,
    course: null,
  };
  let page: Map<string, PageAsset> = await bundlePage();
  let server: PreviewServer | null = null;
  let lastFiles: string[] | undefined;

  const runBuild = async () => {
    status.building = true;
    server?.broadcast('build', status);
    const result = await buildCourseInto({ contentDir: opts.contentDir, outDir: opts.distDir, previousFiles: lastFiles });
    status.id += 1;
    status.building = false;
    status.ok = result.ok;
    status.time = new Date().toISOString();
    status.durationMs = result.durationMs;
    if (result.ok) {
      status.problems = [];
      status.warnings = result.warnings;
      status.servedId = status.id;
      status.course = result.course;
      lastFiles = result.files;
      log(`built the course in ${result.durationMs} ms${server ? ': open pages relaunch it' : ''}`);
      for (const w of result.warnings) log(`  warning: ${formatProblem(w)}`);
    } else {
      status.problems = result.problems;
      const n = result.problems.length;
      log(`the course did not build (${n === 1 ? '1 problem' : `${n} problems`}):`);
      for (const p of result.problems) log(`  ${formatProblem(p)}`);
      log(status.servedId !== null ? '  The last good build is still served. Fix the file and save: it rebuilds.' : '  There is no build to serve yet. Fix the file and save: it rebuilds.');
    }
    server?.broadcast('build', status);
  };
  const builds = serialRunner(runBuild);

  if (opts.build !== false || opts.watch) await builds.request();
  else status.course = await courseFacts(opts.contentDir);

  server = await startPreviewServer({
    distDir: opts.distDir,
    store,
    page: () => page,
    status: () => status,
    host: opts.host,
    port: opts.port,
    log,
  });

  let watcher: ContentWatcher | null = null;
  if (opts.watch) {
    watcher = watchContent({
      contentDir: opts.contentDir,
      extraDirs: opts.watchExtraDirs,
      ignoreDirs: opts.watchIgnoreDirs,
      onChange: (files) => {
        const shown = files.slice(0, 3).map((f) => path.relative(process.cwd(), f) || f);
        log(`changed: ${shown.join(', ')}${files.length > 3 ? ` and ${files.length - 3} more` : ''}: rebuilding`);
        void builds.request();
      },
    });
  }

  return {
    url: server.url,
    server,
    store,
    status: () => status,
    rebuild: () => builds.request(),
    async close() {
      watcher?.close();
      await builds.idle();
      await server?.close();
      page = new Map();
    },
  };
}
