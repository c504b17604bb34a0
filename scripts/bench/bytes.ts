/**
 * Bytes: what a learner downloads. Every transfer figure is the sum of the gzip sizes
 * (zlib level 6, the usual server default; HTTP headers not counted) of the files concerned;
 * the bench server sends exactly these gzip bodies, so the timed runs move the same bytes.
 */
import { pathToFileURL } from 'node:url';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { measured, notMeasured, type Measured } from './measured.ts';
import type { BuiltPackage } from './build.ts';
import type { Course } from '../../src/course/types.ts';

export const GZIP_LEVEL = 6;

export const gzipSize = (data: Uint8Array | string): number => gzipSync(data, { level: GZIP_LEVEL }).length;

export interface FileBytes {
  path: string;
  raw: number;
  gzip: number;
}

export interface TransferBytes {
  /** Sum of gzip sizes. */
  gzip: number;
  /** Sum of raw sizes. */
  raw: number;
  files: FileBytes[];
}

/** Files only the LMS reads (the manifest and its schemas): never sent to a learner's browser. */
export function lmsOnly(p: string): boolean {
  return p === 'imsmanifest.xml' || /\.(xsd|dtd)$/i.test(p);
}

function sum(pkg: BuiltPackage, paths: string[]): TransferBytes {
  const files = paths.map((p) => {
    const data = pkg.files.get(p)!;
    return { path: p, raw: data.length, gzip: gzipSize(data) };
  });
  return { gzip: files.reduce((s, f) => s + f.gzip, 0), raw: files.reduce((s, f) => s + f.raw, 0), files };
}

/** Every learner-facing file of the package. */
export function wholeCourse(pkg: BuiltPackage): TransferBytes {
  return sum(pkg, [...pkg.files.keys()].filter((p) => !lmsOnly(p)).sort());
}

/**
 * The files the course frame requested (as recorded by the bench server) until it was ready,
 * painted, and the network had been quiet for a while: HTML, JS, CSS and anything else it asked for.
 */
export function firstView(pkg: BuiltPackage, requested: string[]): Measured<TransferBytes> {
  const unique = [...new Set(requested)];
  const unknown = unique.filter((p) => !pkg.files.has(p));
  if (unique.length === 0) return notMeasured('the course frame requested no file');
  if (unknown.length) return notMeasured(`the course requested files not in the package: ${unknown.join(', ')}`);
  return measured(sum(pkg, unique));
}

export interface Floor {
  lessons: number;
  /** Characters of plain text (titles, bodies, notes). */
  chars: number;
  words: number;
  gzip: number;
}

/**
 * The floor: the text of every lesson alone (title, body and notes as plain text, no markup),
 * gzip. No course can send its lessons in fewer bytes than this without dropping words.
 */
export async function lessonTextFloor(root: string, course: Course): Promise<Measured<Floor>> {
  const { htmlToText } = (await import(pathToFileURL(path.join(root, 'src/content/plain-text.ts')).href)) as typeof import('../../src/content/plain-text.ts');
  if (!course.lessons.length) return notMeasured('the course has no lessons');
  const text = course.lessons
    .map((l) => [l.title, htmlToText(l.html), ...l.footnotes.map((f) => htmlToText(f.html))].join('\n'))
    .join('\n\n');
  return measured({
    lessons: course.lessons.length,
    chars: text.length,
    words: text.split(/\s+/).filter(Boolean).length,
    gzip: gzipSize(text),
  });
}
