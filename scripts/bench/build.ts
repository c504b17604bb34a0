/**
 * Build: run `npm run package` as a child process (timed, median of N), then find the zips it
 * wrote and unpack each into a folder the bench server serves. Which zip is which SCORM version
 * is read from its manifest's <schemaversion>, the way Moodle decides, not from its file name.
 */
import { spawn } from 'node:child_process';
import { mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { unzipSync } from 'fflate';
import { attempt, measured, notMeasured, stats, type Measured, type Stats } from './measured.ts';

export type ScormVersion = '1.2' | '2004';
export const VERSIONS: ScormVersion[] = ['1.2', '2004'];

export interface PackageRun {
  ms: number;
  code: number | null;
  output: string;
}

export interface BuiltPackage {
  version: ScormVersion;
  zipPath: string;
  zipBytes: number;
  /** Where the zip was unpacked. */
  dir: string;
  /** Path inside the package -> bytes. */
  files: Map<string, Uint8Array>;
  /** The manifest's <schemaversion>. */
  schemaversion: string;
}

function runPackage(root: string, args: string[]): Promise<PackageRun> {
  return new Promise((resolve) => {
    const start = performance.now();
    const child = spawn('npm', ['run', 'package', ...(args.length ? ['--', ...args] : [])], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], env: process.env });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('error', (err) => resolve({ ms: performance.now() - start, code: -1, output: String(err) }));
    child.on('close', (code) => resolve({ ms: performance.now() - start, code, output }));
  });
}

/** `npm run package [-- args]`, `runs` times; every run must succeed for the time to count. */
export async function timePackage(root: string, runs: number, log: (s: string) => void, args: string[] = []): Promise<Measured<Stats>> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const run = await runPackage(root, args);
    if (run.code !== 0) {
      const lines = run.output.trim().split('\n').map((l) => l.trim()).filter((l) => l && !/^(>|npm (warn|notice)|at |Node\.js v)/.test(l));
      // The most telling line is usually the first one that names an error.
      const first = lines.find((l) => /error|cannot|not found|problem/i.test(l));
      const tail = [first, ...lines.slice(-3)].filter((l, i, a): l is string => !!l && a.indexOf(l) === i).join(' | ');
      return notMeasured(`\`npm run package\` exited with ${run.code}: ${tail || '(no output)'}`);
    }
    log(`  npm run package #${i + 1}: ${Math.round(run.ms)} ms`);
    times.push(run.ms);
  }
  return measured(stats(times));
}

/** The manifest's <schemaversion> -> the version Moodle will run it as (see /work/shared/moodle-facts.md). */
export function versionOf(schemaversion: string): ScormVersion {
  return ['1.3', 'CAM 1.3', '2004 3rd Edition', '2004 4th Edition'].includes(schemaversion.trim()) ? '2004' : '1.2';
}

/**
 * Find the zips in `zipDir` (written at or after `since`, when given), unpack them under `unpackRoot`.
 * Returns one entry per version, or the reason it is missing.
 */
export async function findPackages(
  zipDir: string,
  unpackRoot: string,
  since: number | null,
): Promise<Record<ScormVersion, Measured<BuiltPackage>>> {
  const missing = (reason: string) => ({ '1.2': notMeasured<BuiltPackage>(reason), '2004': notMeasured<BuiltPackage>(reason) });
  let names: string[];
  try {
    names = (await readdir(zipDir)).filter((n) => n.endsWith('.zip')).sort();
  } catch {
    return missing(`no folder ${zipDir} (run \`npm run package\`)`);
  }
  if (names.length === 0) return missing(`no zip in ${zipDir}`);
  const found: Partial<Record<ScormVersion, Measured<BuiltPackage>>> = {};
  const problems: string[] = [];
  for (const name of names) {
    const zipPath = path.join(zipDir, name);
    const info = await stat(zipPath);
    if (since !== null && info.mtimeMs < since - 1000) {
      problems.push(`${name} is older than this build`);
      continue;
    }
    const result = await attempt(`unpacking ${name}`, async () => {
      const bytes = new Uint8Array(await readFile(zipPath));
      const entries = unzipSync(bytes);
      const files = new Map<string, Uint8Array>();
      for (const [p, data] of Object.entries(entries)) if (!p.endsWith('/')) files.set(p, data);
      const manifest = files.get('imsmanifest.xml');
      if (!manifest) return notMeasured<BuiltPackage>(`${name} has no imsmanifest.xml at its root`);
      const m = /<schemaversion>([^<]*)<\/schemaversion>/.exec(new TextDecoder().decode(manifest));
      if (!m) return notMeasured<BuiltPackage>(`${name}: imsmanifest.xml has no <schemaversion>`);
      const version = versionOf(m[1]);
      const dir = path.join(unpackRoot, `sco-${version}`);
      await rm(dir, { recursive: true, force: true });
      for (const [p, data] of files) {
        const target = path.join(dir, p);
        await mkdir(path.dirname(target), { recursive: true });
        await writeFile(target, data);
      }
      return measured<BuiltPackage>({ version, zipPath, zipBytes: info.size, dir, files, schemaversion: m[1].trim() });
    });
    if (!result.ok) {
      problems.push(result.reason);
      continue;
    }
    const v = result.value.version;
    if (found[v]?.ok) {
      problems.push(`two SCORM ${v} zips (${path.basename(found[v]!.ok ? found[v]!.value.zipPath : '')} and ${name}); using the first`);
      continue;
    }
    found[v] = result;
  }
  const why = problems.length ? ` (${problems.join('; ')})` : '';
  return {
    '1.2': found['1.2'] ?? notMeasured(`no SCORM 1.2 zip in ${zipDir}${why}`),
    '2004': found['2004'] ?? notMeasured(`no SCORM 2004 zip in ${zipDir}${why}`),
  };
}
