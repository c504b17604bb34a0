/**
 * Build the course once with the shared rollup configuration and turn it into SCORM packages:
 * the unpacked build in the out folder (as `npm run build` writes it) plus one zip per version.
 * The zips are assembled in memory from rollup's output, so they can never contain themselves,
 * each other or stale files left in the out folder.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { rollup, type OutputOptions } from 'rollup';
import { courseBuildConfig, ROOT, type BuildOptions } from '../content/build-config.ts';
import type { CompiledCourse } from '../content/compile.ts';
import type { Course } from '../course/types.ts';
import { MANIFEST_FILE, renderManifest, SCORM_VERSIONS, type ScormVersion } from './manifest.ts';
import { writeQuestionKey } from './question-key.ts';
import { checkPackage } from './validate.ts';
import { deterministicZip } from './zip.ts';

/** A problem the person running the packager can fix (bad folder, invalid package): no stack trace. */
export class PackageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PackageError';
  }
}

export interface PackageOptions {
  /** Folder with `modules/`, optional `quizzes/` and `course.yaml`. Default: this repository. */
  contentDir?: string;
  /** Where the zips (and the unpacked build) go. Default: `dist/` of this repository. */
  outDir?: string;
  /** Base name of the zips. Default: see packageName(). */
  name?: string;
  /** Also write the unpacked build (index.html at the root) to outDir, as `npm run build` does. Default true. */
  unpacked?: boolean;
  versions?: readonly ScormVersion[];
}

export interface BuiltPackage {
  version: ScormVersion;
  /** Absolute path of the zip. */
  file: string;
  bytes: number;
  /** The manifest inside the zip. */
  manifest: string;
  /** Paths inside the zip, sorted. */
  files: string[];
}

export interface PackageResult {
  name: string;
  course: Course;
  packages: BuiltPackage[];
  /** The unpacked build's folder, or null when it was not written. */
  unpackedDir: string | null;
  /** The managers' question key (`<name>-question-key.html` and `.csv`), or null for a course without quizzes. */
  questionKey: { html: string; csv: string } | null;
}

export const ZIP_SUFFIX: Record<ScormVersion, string> = { '1.2': 'scorm12', '2004': 'scorm2004' };

/** The packages are named after package.json for this course, after the course id for any other. */
export function packageName(contentDir: string, course: Course): string {
  if (path.resolve(contentDir) === ROOT) {
    const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { name?: string };
    if (pkg.name) return pkg.name.replace(/^@[^/]+\//, '');
  }
  return course.id.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '') || 'course';
}

/** Fail early, in plain words, before rollup starts. */
export function checkContentDir(contentDir: string): void {
  const dir = path.resolve(contentDir);
  if (!existsSync(dir)) throw new PackageError(`The content folder ${dir} does not exist.`);
  if (!statSync(dir).isDirectory()) throw new PackageError(`${dir} is a file, not a content folder.`);
  const modules = path.join(dir, 'modules');
  if (!existsSync(modules) || !statSync(modules).isDirectory()) {
    throw new PackageError(`${dir} has no modules/ folder. A content folder holds modules/ (the review's .md pages), and optionally quizzes/ and course.yaml.`);
  }
}

function outputFiles(output: Awaited<ReturnType<Awaited<ReturnType<typeof rollup>>['generate']>>['output']): Record<string, Uint8Array> {
  const enc = new TextEncoder();
  const files: Record<string, Uint8Array> = {};
  for (const item of output) {
    files[item.fileName] = item.type === 'chunk' ? enc.encode(item.code) : typeof item.source === 'string' ? enc.encode(item.source) : item.source;
  }
  return files;
}

/** The files of one package: the build for that version plus its manifest, checked. */
export function assemblePackage(course: Course, build: Record<string, Uint8Array>, version: ScormVersion): { files: Record<string, Uint8Array>; manifest: string } {
  const manifest = renderManifest(course, Object.keys(build), version);
  const files = { ...build, [MANIFEST_FILE]: new TextEncoder().encode(manifest) };
  const problems = checkPackage(files, version);
  if (problems.length) {
    throw new PackageError(`The SCORM ${version} package failed its checks, so it was not written:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
  return { files, manifest };
}

export async function buildPackages(opts: PackageOptions = {}): Promise<PackageResult> {
  const contentDir = path.resolve(opts.contentDir ?? ROOT);
  const outDir = path.resolve(opts.outDir ?? path.join(ROOT, 'dist'));
  checkContentDir(contentDir);

  let compiled: CompiledCourse | null = null;
  // One parse and transform, then one generate per version: the course plugin reads
  // scormVersion when it writes index.html, so changing it between generate() calls gives each
  // build its <meta name="scorm-version">; checkPackage() verifies the meta in every zip.
  const buildOptions: BuildOptions = { contentDir, outDir, scormVersion: 'auto', onCompiled: (c) => (compiled = c) };
  const config = courseBuildConfig(buildOptions);
  const output = config.output as OutputOptions;
  const bundle = await rollup(config);
  const packages: BuiltPackage[] = [];
  let course: Course;
  let name: string;
  try {
    if (!compiled) throw new PackageError('The course plugin did not compile the course.');
    course = (compiled as CompiledCourse).course;
    name = opts.name ?? packageName(contentDir, course);
    // Assemble and check every package before writing anything: a failed check leaves no zip.
    const assembled = [];
    for (const version of opts.versions ?? SCORM_VERSIONS) {
      buildOptions.scormVersion = version;
      assembled.push({ version, ...assemblePackage(course, outputFiles((await bundle.generate(output)).output), version) });
    }
    const unpacked = opts.unpacked ?? true;
    if (unpacked) {
      buildOptions.scormVersion = 'auto';
      await bundle.write({ ...output, dir: outDir });
    }
    await mkdir(outDir, { recursive: true });
    for (const { version, files, manifest } of assembled) {
      const zip = deterministicZip(files);
      const file = path.join(outDir, `${name}-${ZIP_SUFFIX[version]}.zip`);
      await writeFile(file, zip);
      packages.push({ version, file, bytes: zip.byteLength, manifest, files: Object.keys(files).sort() });
    }
    const questionKey = await writeQuestionKey(course, outDir, name);
    return { name, course, packages, unpackedDir: unpacked ? outDir : null, questionKey };
  } finally {
    await bundle.close();
  }
}
