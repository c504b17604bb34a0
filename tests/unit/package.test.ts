/**
 * The real packages of this course (built once, twice for determinism) and the CLI on another
 * content folder. Rollup builds take seconds, so they happen in beforeAll and are shared.
 */
import { execFile } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assemblePackage, buildPackages, PackageError, type PackageResult } from '../../src/package/build-package.ts';
import { renderManifest, type ScormVersion } from '../../src/package/manifest.ts';
import { checkManifest, checkPackage } from '../../src/package/validate.ts';
import { readZip } from '../../src/package/zip.ts';
import { previewCommand } from '../../src/package/cli.ts';
import { TEXT_CHUNKS } from '../../src/course/course-text.ts';
import { REPO_ROOT, validateManifestXsd } from '../helpers/xsd.ts';

const run = promisify(execFile);
const ALT_CONTENT = path.join(REPO_ROOT, 'tests/fixtures/content-alt');

async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', 'src/package/cli.ts', ...args], { cwd: REPO_ROOT });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

let tmp: string;
let first: PackageResult;
let second: PackageResult;
const zips: Record<ScormVersion, Record<string, Uint8Array>> = { '1.2': {}, '2004': {} };

beforeAll(async () => {
  tmp = await mkdtemp(path.join(tmpdir(), 'package-test-'));
  // Side by side, so both read the same sources even while someone edits them.
  [first, second] = await Promise.all([buildPackages({ outDir: path.join(tmp, 'a') }), buildPackages({ outDir: path.join(tmp, 'b'), unpacked: false })]);
  for (const p of first.packages) zips[p.version] = readZip(readFileSync(p.file));
}, 180_000);

afterAll(async () => {
  if (tmp) await rm(tmp, { recursive: true, force: true });
});

describe('npm run package (this course)', () => {
  it('writes one zip per version, named after package.json', () => {
    const pkgName = JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')).name;
    expect(first.packages.map((p) => path.basename(p.file))).toEqual([`${pkgName}-scorm12.zip`, `${pkgName}-scorm2004.zip`]);
    for (const p of first.packages) expect(statSync(p.file).size).toBe(p.bytes);
  });

  it('gives byte-identical zips when built twice', () => {
    for (const [a, b] of first.packages.map((p, i) => [p, second.packages[i]!] as const)) {
      expect(path.basename(a.file)).toBe(path.basename(b.file));
      const za = readZip(readFileSync(a.file));
      const zb = readZip(readFileSync(b.file));
      const differ = Object.keys({ ...za, ...zb }).filter((f) => !za[f] || !zb[f] || !Buffer.from(za[f]).equals(Buffer.from(zb[f])));
      expect(differ, `entries that differ between two builds of ${path.basename(a.file)}`).toEqual([]);
      expect(readFileSync(a.file).equals(readFileSync(b.file)), `${path.basename(a.file)} differs between two builds`).toBe(true);
    }
  });

  it.each(['1.2', '2004'] as const)('SCORM %s: manifest at the root, valid against the XSDs', async (version) => {
    const manifest = new TextDecoder().decode(zips[version]['imsmanifest.xml']);
    expect(manifest).toBe(first.packages.find((p) => p.version === version)!.manifest);
    expect(await validateManifestXsd(manifest, version)).toEqual({ valid: true, errors: [] });
  });

  it.each(['1.2', '2004'] as const)('SCORM %s: passes the extra checks; zip contents == manifest files', (version) => {
    const files = zips[version];
    expect(checkPackage(files, version)).toEqual([]);
    const manifest = new TextDecoder().decode(files['imsmanifest.xml']);
    const listed = [...manifest.matchAll(/<file href="([^"]*)"/g)].map((m) => decodeURIComponent(m[1]!));
    expect([...listed, 'imsmanifest.xml'].sort()).toEqual(Object.keys(files).sort());
    expect(checkManifest(manifest, version, Object.keys(files))).toEqual([]);
  });

  it.each(['1.2', '2004'] as const)('SCORM %s: index.html asks for its version', (version) => {
    const html = new TextDecoder().decode(zips[version]['index.html']);
    expect(html).toContain(`<meta name="scorm-version" content="${version}">`);
  });

  it('the two zips differ only in index.html and imsmanifest.xml', () => {
    const a = zips['1.2'];
    const b = zips['2004'];
    expect(Object.keys(a).sort()).toEqual(Object.keys(b).sort());
    const differ = Object.keys(a).filter((f) => !Buffer.from(a[f]!).equals(Buffer.from(b[f]!)));
    expect(differ.sort()).toEqual(['imsmanifest.xml', 'index.html']);
  });

  it('contains the course, and nothing it should not (no zips, no staging folders, no source maps)', () => {
    const names = Object.keys(zips['1.2']);
    expect(names).toEqual(expect.arrayContaining(['index.html', 'course.js', 'course.css', 'imsmanifest.xml']));
    expect(names.filter((n) => /\.zip$|\.map$|^\.|\/\./.test(n))).toEqual([]);
  });

  it('ships each lesson\'s words (with its quizzes\') as a chunk of its own, every one in the manifest, none in course.js', () => {
    const files = zips['1.2'];
    const manifest = new TextDecoder().decode(files['imsmanifest.xml']);
    const course = first.course;
    const parts = [
      ...course.lessons.map((_, i) => TEXT_CHUNKS.lesson(i)),
      ...(course.glossary?.length ? [TEXT_CHUNKS.glossary] : []),
    ];
    expect(Object.keys(files).filter((n) => n.startsWith('chunks/text-')).sort()).toEqual([...parts].sort());
    for (const name of parts) expect(manifest).toContain(`<file href="${name}"/>`);
    const js = (name: string) => new TextDecoder().decode(files[name]);
    course.lessons.forEach((lesson, i) => {
      // A sentence of the lesson's body (plain ASCII: the build escapes other characters) is in its own
      // chunk, not in the first view, not in another lesson's.
      const sentence = lesson.html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').split(/(?<=\.) /).find((x) => x.length > 60 && /^[ -~]+$/.test(x) && !/[&"\\]/.test(x))!;
      expect(sentence, `a sentence of ${lesson.id}`).toBeTruthy();
      const words = sentence.trim().slice(0, 50);
      expect(js(TEXT_CHUNKS.lesson(i))).toContain(words);
      expect(js('course.js')).not.toContain(words);
      for (const other of course.lessons.keys()) if (other !== i) expect(js(TEXT_CHUNKS.lesson(other))).not.toContain(words);
    });
  });

  it('keeps the unpacked build in the out folder, as npm run build does', () => {
    const out = path.join(tmp, 'a');
    expect(first.unpackedDir).toBe(out);
    expect(readFileSync(path.join(out, 'index.html'), 'utf8')).toContain('<meta name="scorm-version" content="auto">');
    expect(existsSync(path.join(out, 'course.js'))).toBe(true);
    expect(second.unpackedDir).toBeNull();
    expect(existsSync(path.join(tmp, 'b', 'index.html'))).toBe(false);
  });

  it('the manifest is a pure function of the course and the file list', () => {
    const p = first.packages.find((x) => x.version === '1.2')!;
    expect(renderManifest(first.course, p.files, '1.2')).toBe(p.manifest);
  });

  it('the top-level imsmanifest.xml is the SCORM 1.2 manifest as it ships', async () => {
    const file = path.join(REPO_ROOT, 'imsmanifest.xml');
    const built = first.packages.find((p) => p.version === '1.2')!.manifest;
    const committed = existsSync(file) ? await readFile(file, 'utf8') : '(missing)';
    expect(
      committed,
      'imsmanifest.xml at the top of the repository is out of date: run `npm run package -- --write-manifest` and commit it',
    ).toBe(built);
  });
});

describe('the packager refuses a package that fails its checks', () => {
  const enc = (t: string) => new TextEncoder().encode(t);
  it('a build whose index.html is not for this version', () => {
    const build = { 'index.html': enc('<meta name="scorm-version" content="auto">'), 'course.js': enc('') };
    expect(() => assemblePackage(first.course, build, '1.2')).toThrow(PackageError);
    expect(() => assemblePackage(first.course, build, '1.2')).toThrow(/SCORM 1.2 package failed its checks, so it was not written:\n {2}- index.html: <meta name="scorm-version"> is "auto"/);
  });
  it('a pass mark outside 0-100', () => {
    const build = { 'index.html': enc('<meta name="scorm-version" content="1.2">') };
    const course = { ...first.course, settings: { ...first.course.settings, passMark: 180 } };
    expect(() => assemblePackage(course, build, '1.2')).toThrow(/masteryscore "180" is not a number from 0 to 100/);
  });
  it('accepts the same build with the right meta', () => {
    const build = { 'index.html': enc('<meta name="scorm-version" content="2004">') };
    expect(Object.keys(assemblePackage(first.course, build, '2004').files).sort()).toEqual(['imsmanifest.xml', 'index.html']);
  });
});

describe('the CLI', () => {
  it('packages another content folder with --content and --out, leaving this course alone', async () => {
    const out = path.join(tmp, 'alt');
    const dist = path.join(REPO_ROOT, 'dist');
    const { code, stdout, stderr } = await cli(['--content', ALT_CONTENT, '--out', out]);
    expect(code, stderr).toBe(0);
    expect(stdout).toMatch(/tiny-review-scorm12\.zip\s+[\d.]+ kB \([\d,]+ bytes\)/);
    expect(stdout).toMatch(/tiny-review-scorm2004\.zip\s+[\d.]+ kB/);
    expect(stdout).toMatch(/"SCORM package", and upload .*tiny-review-scorm12\.zip/);
    // The preview it suggests shows the same content, not this course.
    expect(stdout).toMatch(/or run npm start -- --content \S*content-alt --out \S*alt\)/);
    const files = readZip(readFileSync(path.join(out, 'tiny-review-scorm12.zip')));
    expect(checkPackage(files, '1.2')).toEqual([]);
    const manifest = new TextDecoder().decode(files['imsmanifest.xml']);
    expect(manifest).toContain('identifier="tiny_review"');
    expect(manifest).toContain('<adlcp:masteryscore>60</adlcp:masteryscore>');
    expect(manifest).toContain('A Tiny Review for Packaging Tests');
    expect(await validateManifestXsd(manifest, '1.2')).toEqual({ valid: true, errors: [] });
    const files2004 = readZip(readFileSync(path.join(out, 'tiny-review-scorm2004.zip')));
    expect(await validateManifestXsd(new TextDecoder().decode(files2004['imsmanifest.xml']), '2004')).toEqual({ valid: true, errors: [] });
    expect(existsSync(path.join(out, 'index.html'))).toBe(true);
    // This course's dist/ got nothing of the other course (checked by content: other builds may run meanwhile).
    expect(existsSync(path.join(dist, 'tiny-review-scorm12.zip'))).toBe(false);
    if (existsSync(path.join(dist, 'index.html'))) expect(readFileSync(path.join(dist, 'index.html'), 'utf8')).not.toContain('A Tiny Review');
  }, 120_000);

  it('suggests the preview of what it packaged: plain npm start for this course', () => {
    expect(previewCommand(REPO_ROOT, undefined)).toBe('npm start');
    expect(previewCommand(path.join(REPO_ROOT, 'other review'), undefined)).toBe("npm start -- --content 'other review'");
  });

  it('says clearly when the content folder does not exist', async () => {
    const missing = path.join(tmp, 'no-such-folder');
    const { code, stdout, stderr } = await cli(['--content', missing, '--out', path.join(tmp, 'x')]);
    expect(code).toBe(1);
    expect(stderr).toBe(`The content folder ${missing} does not exist.\n`);
    expect(stdout).toBe('');
    expect(existsSync(path.join(tmp, 'x'))).toBe(false);
  });

  it('says clearly when the folder has no modules/', async () => {
    const { code, stderr } = await cli(['--content', path.join(ALT_CONTENT, 'quizzes'), '--out', path.join(tmp, 'y')]);
    expect(code).toBe(1);
    expect(stderr).toMatch(/has no modules\/ folder\. A content folder holds modules\//);
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it('refuses --write-manifest with --content and unknown options', async () => {
    expect((await cli(['--content', ALT_CONTENT, '--write-manifest'])).code).toBe(2);
    const unknown = await cli(['--bogus']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/Unknown option '--bogus'[^]*Usage: npm run package/);
  });
});
