/**
 * `npm start`: build the course, serve it in the preview LMS on http://127.0.0.1:8080/ (or the
 * next free port), and rebuild whenever a page, quiz or course.yaml changes. See docs/preview.md.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { startPreview } from './preview.ts';

const HELP = `Usage: npm start -- [options]

Serves the course in a preview LMS (SCORM 1.2 or 2004 through scorm-again) with a side panel
showing what the LMS records. Learner data is kept in .preview-data/.

Options:
  -p, --port <n>     port to listen on (default: $PORT or 8080; the next free one if busy)
      --host <addr>  address to listen on (default 127.0.0.1; anything else exposes the preview)
      --no-watch     build once and serve; do not rebuild on changes
      --no-build     serve dist/ as it is (implies --no-watch)
      --content <d>  content folder with modules/, quizzes/, course.yaml (default: .)
      --out <d>      where the course is built and served from (default: dist)
      --data <d>     where learner records are kept (default: .preview-data)
  -h, --help         show this help
`;

export interface CliOptions {
  port: number;
  host: string;
  watch: boolean;
  build: boolean;
  content: string;
  out: string;
  data: string;
}

/** Parse the command line (and $PORT). Throws with a readable message on a bad option. */
export function parseCli(argv: string[], env: NodeJS.ProcessEnv = process.env): CliOptions | 'help' {
  const { values } = parseArgs({
    args: argv,
    options: {
      port: { type: 'string', short: 'p' },
      host: { type: 'string' },
      watch: { type: 'boolean' },
      'no-watch': { type: 'boolean' },
      'no-build': { type: 'boolean' },
      content: { type: 'string' },
      out: { type: 'string' },
      data: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
    allowPositionals: false,
  });
  if (values.help) return 'help';
  const portText = values.port ?? env.PORT ?? '8080';
  const port = Number(portText);
  if (!/^\d+$/.test(portText) || port > 65535) throw new Error(`--port must be a number from 0 to 65535, not ${JSON.stringify(portText)}.`);
  const build = !values['no-build'];
  return {
    port,
    host: values.host ?? '127.0.0.1',
    build,
    watch: build && !values['no-watch'],
    content: values.content ?? '.',
    out: values.out ?? 'dist',
    data: values.data ?? '.preview-data',
  };
}

async function main(): Promise<void> {
  let opts;
  try {
    opts = parseCli(process.argv.slice(2));
  } catch (err) {
    process.stderr.write(`${(err as Error).message}\n\n${HELP}`);
    process.exit(2);
  }
  if (opts === 'help') {
    process.stdout.write(HELP);
    return;
  }
  const log = (line: string) => process.stdout.write(`[preview] ${line}\n`);
  if (!['127.0.0.1', 'localhost', '::1'].includes(opts.host)) {
    log(`warning: listening on ${opts.host}: anyone who can reach this address can read and change the preview's learner data.`);
  }
  const srcDir = path.resolve('src');
  const preview = await startPreview({
    contentDir: opts.content,
    distDir: opts.out,
    dataDir: opts.data,
    host: opts.host,
    port: opts.port,
    build: opts.build,
    watch: opts.watch,
    // The course's own code is watched too, so developers see component changes; not the preview's.
    watchExtraDirs: [srcDir],
    watchIgnoreDirs: [path.join(srcDir, 'preview')],
    log,
  });
  if (preview.server.port !== opts.port && opts.port !== 0) log(`port ${opts.port} is busy: using ${preview.server.port}`);
  log(`preview LMS: ${preview.url}`);
  log(`learner data: ${path.resolve(opts.data)}`);
  log(opts.watch ? 'watching modules/, quizzes/, course.yaml and src/: saving a file rebuilds and relaunches the course' : 'not watching for changes');
  log('press Ctrl+C to stop');

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await preview.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((err: unknown) => {
    process.stderr.write(`[preview] could not start: ${(err as Error).message}\n`);
    process.exit(1);
  });
}
