/**
 * `npm run package`: build the course and write its SCORM 1.2 and SCORM 2004 zips.
 *
 *   node --import tsx src/package/cli.ts [--content DIR] [--out DIR] [--name NAME] [--write-manifest]
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { ROOT } from '../content/build-config.ts';
import { ContentError, contentErrorReport } from '../content/errors.ts';
import { supportWarningBox } from '../content/settings.ts';
import { buildPackages, PackageError, type PackageResult } from './build-package.ts';
import { MANIFEST_FILE } from './manifest.ts';

const USAGE = `Usage: npm run package -- [options]

Builds the course and writes two SCORM packages:
  <out>/<name>-scorm12.zip     SCORM 1.2 (upload this one to Moodle)
  <out>/<name>-scorm2004.zip   SCORM 2004 4th Edition
the question key for managers, to read the LMS's reports with:
  <out>/<name>-question-key.html and .csv
and the unpacked course in <out>/ (index.html at its root), as npm run build does.

Options:
  --content DIR      a content folder (modules/, optional quizzes/ and course.yaml) to package
                     instead of this course; this course's files and dist/ are not touched
  --out DIR          where to write (default: dist/)
  --name NAME        base name of the zips (default: package.json "name" for this course,
                     the course id for --content)
  --write-manifest   also update this repository's top-level imsmanifest.xml (the SCORM 1.2
                     manifest as it ships); not with --content
  -h, --help         show this help
`;

/** `12.3 kB`, with the exact byte count: sizes matter to people on slow connections. */
export function formatSize(bytes: number): string {
  const kb = bytes / 1000;
  const text = kb >= 1000 ? `${(kb / 1000).toFixed(2)} MB` : `${kb.toFixed(1)} kB`;
  return `${text} (${bytes.toLocaleString('en')} bytes)`;
}

function rel(p: string): string {
  const r = path.relative(process.cwd(), p);
  return r && !r.startsWith('..') && !path.isAbsolute(r) ? r : p;
}

/**
 * The report after packaging. `preview` is the command that previews this same content (the default
 * `npm start` previews this course, not a folder given with --content).
 */
/** `npm start` with the same --content and --out, so the preview shows what was packaged. */
export function previewCommand(contentDir: string, out: string | undefined): string {
  const args: string[] = [];
  if (contentDir !== ROOT) args.push('--content', shellWord(rel(contentDir)));
  if (out !== undefined) args.push('--out', shellWord(rel(path.resolve(out))));
  return args.length ? `npm start -- ${args.join(' ')}` : 'npm start';
}

function shellWord(s: string): string {
  return /^[\w./-]+$/.test(s) ? s : `'${s.replaceAll("'", "'\\''")}'`;
}

export function report(result: PackageResult, preview = 'npm start'): string {
  const { course, packages, unpackedDir } = result;
  const lines = [`Packaged "${course.title}" (${course.lessons.length} lessons, ${course.quizzes.length} quizzes).`, ''];
  const width = Math.max(...packages.map((p) => rel(p.file).length));
  for (const p of packages) {
    const label = p.version === '1.2' ? 'SCORM 1.2, for Moodle' : 'SCORM 2004 4th Edition';
    lines.push(`  ${rel(p.file).padEnd(width)}  ${formatSize(p.bytes)}  ${label}`);
  }
  if (result.questionKey) {
    lines.push('', `Question key for managers (interaction ids, options, correct responses, lesson words):`);
    lines.push(`  ${rel(result.questionKey.html)}`, `  ${rel(result.questionKey.csv)}`);
  }
  if (unpackedDir) lines.push('', `The unpacked course is in ${rel(unpackedDir) || '.'}/ (open index.html there, or run ${preview}).`);
  const zip12 = packages.find((p) => p.version === '1.2');
  if (zip12) {
    lines.push(
      '',
      'To put it on Moodle: in the course, turn editing on, choose "Add an activity or resource",',
      `then "SCORM package", and upload ${rel(zip12.file)}.`,
    );
  }
  return lines.join('\n') + '\n';
}

export async function main(argv: string[]): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        content: { type: 'string' },
        out: { type: 'string' },
        name: { type: 'string' },
        'write-manifest': { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (err) {
    process.stderr.write(`${(err as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  const contentDir = values.content ? path.resolve(values.content) : ROOT;
  if (values['write-manifest'] && contentDir !== ROOT) {
    process.stderr.write('--write-manifest updates this course\'s imsmanifest.xml, so it cannot be used with --content.\n');
    return 2;
  }
  try {
    const result = await buildPackages({
      contentDir,
      outDir: values.out ? path.resolve(values.out) : path.join(ROOT, 'dist'),
      name: values.name,
    });
    process.stdout.write(report(result, previewCommand(contentDir, values.out)));
    if (result.course.settings.support.configured === false) process.stderr.write(supportWarningBox());
    if (values['write-manifest']) {
      const manifest = result.packages.find((p) => p.version === '1.2')!.manifest;
      const target = path.join(ROOT, MANIFEST_FILE);
      await writeFile(target, manifest);
      process.stdout.write(`\nUpdated ${rel(target)} (the SCORM 1.2 manifest as it ships).\n`);
    }
    return 0;
  } catch (err) {
    if (err instanceof ContentError) {
      process.stderr.write(contentErrorReport(err));
      return 1;
    }
    if (err instanceof PackageError) {
      process.stderr.write(`${err.message}\n`);
      return 1;
    }
    // Rollup's errors carry every watched file; the message, place and code frame are what help.
    const e = err as { name?: string; message?: string; loc?: { file?: string; line?: number; column?: number }; frame?: string };
    if (e?.name === 'RollupError') {
      const where = e.loc ? `${e.loc.file ? rel(e.loc.file) : ''}:${e.loc.line}:${e.loc.column}\n` : '';
      process.stderr.write(`The build failed: ${e.message}\n${where}${e.frame ? `${e.frame}\n` : ''}`);
      return 1;
    }
    throw err;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (err: unknown) => {
      console.error(err);
      process.exitCode = 1;
    },
  );
}
