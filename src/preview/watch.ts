/**
 * Watch mode: notice when a page, a quiz, course.yaml or glossary.yaml changes (or the course's source code,
 * for developers) and ask for one rebuild, however many files an editor touched in one save.
 *
 * `fs.watch` recursive works on Linux from Node 20 and on macOS and Windows natively. Folders
 * that do not exist yet (a course without quizzes/) are picked up when they appear, and
 * course.yaml and glossary.yaml are watched through their folder because editors save by replacing the file.
 */
import { watch, type FSWatcher } from 'node:fs';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { GLOSSARY_FILE } from '../content/glossary.ts';

export interface WatchOptions {
  /** Folder with `modules/`, `quizzes/` and `course.yaml`. */
  contentDir: string;
  /** More folders to watch recursively (the course's source code), e.g. `src/`. */
  extraDirs?: string[];
  /** Files under these folders are ignored (the preview's own code). */
  ignoreDirs?: string[];
  /** Called once per burst of changes, with the paths that changed. */
  onChange: (files: string[]) => void;
  debounceMs?: number;
}

export interface ContentWatcher {
  close(): void;
}

const CONTENT_DIRS = ['modules', 'quizzes'];
// Every file of the content root the build reads (src/content/compile.ts): the settings and the glossary.
const CONTENT_FILES = ['course.yaml', GLOSSARY_FILE];

/** Editor droppings that are not content: swap files, backups, temp files of atomic saves. */
function ignoredName(name: string): boolean {
  const base = path.basename(name);
  return base.startsWith('.#') || base.endsWith('~') || base.endsWith('.swp') || base.endsWith('.swx') || base.endsWith('.tmp') || base === '4913';
}

export function watchContent(opts: WatchOptions): ContentWatcher {
  const root = path.resolve(opts.contentDir);
  const debounceMs = opts.debounceMs ?? 150;
  const ignore = (opts.ignoreDirs ?? []).map((d) => path.resolve(d) + path.sep);
  const watchers = new Map<string, FSWatcher>();
  let pending = new Set<string>();
  let timer: NodeJS.Timeout | null = null;
  let closed = false;

  const note = (file: string) => {
    if (closed || ignoredName(file) || ignore.some((d) => file.startsWith(d))) return;
    pending.add(file);
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      const files = [...pending];
      pending = new Set();
      opts.onChange(files);
    }, debounceMs);
  };

  const watchDir = (dir: string) => {
    if (watchers.has(dir) || !existsSync(dir)) return;
    try {
      const w = watch(dir, { recursive: true }, (_event, name) => note(path.join(dir, name ? String(name) : '')));
      // A watched folder that is deleted (or renamed) ends its watcher; the root watcher re-adds it.
      w.on('error', () => {
        w.close();
        watchers.delete(dir);
      });
      watchers.set(dir, w);
    } catch {
      /* the folder vanished between the check and the watch: the root watcher will see it come back */
    }
  };

  const rootWatcher = watch(root, (_event, name) => {
    const entry = name ? String(name) : '';
    if (CONTENT_FILES.includes(entry)) note(path.join(root, entry));
    if (CONTENT_DIRS.includes(entry)) {
      const dir = path.join(root, entry);
      if (!existsSync(dir)) {
        watchers.get(dir)?.close();
        watchers.delete(dir);
      } else watchDir(dir);
      note(dir);
    }
  });
  for (const d of CONTENT_DIRS) watchDir(path.join(root, d));
  for (const d of opts.extraDirs ?? []) watchDir(path.resolve(d));

  return {
    close() {
      closed = true;
      if (timer) clearTimeout(timer);
      rootWatcher.close();
      for (const w of watchers.values()) w.close();
      watchers.clear();
    },
  };
}

/**
 * Run `job` when asked, never twice at once: a request during a run is remembered and runs once
 * after it (so the last save always gets built, and a burst of saves gives at most two builds).
 */
export function serialRunner(job: () => Promise<void>): { request(): Promise<void>; idle(): Promise<void> } {
  let running: Promise<void> | null = null;
  let again = false;
  const loop = async () => {
    do {
      again = false;
      await job();
    } while (again);
    running = null;
  };
  return {
    request() {
      if (running) {
        again = true;
        return running;
      }
      running = loop();
      return running;
    },
    idle() {
      return running ?? Promise.resolve();
    },
  };
}
