/**
 * Deterministic zips: the same files give byte-identical archives, so a package can be rebuilt
 * and compared, and a diff of two releases shows only real changes.
 * Fixed: entry order (sorted by path), timestamp, compression level, OS and attributes.
 */
import { unzipSync, zipSync, type Zippable } from 'fflate';

/**
 * 1980-01-01 00:00, the earliest time a zip (MS-DOS) timestamp can hold. fflate writes the local
 * wall-clock fields of the Date, so a Date built from local fields is the same in every time zone.
 */
export const ZIP_MTIME = new Date(1980, 0, 1, 0, 0, 0);

/** Already-compressed formats: deflating them again only costs time. */
const STORED = /\.(png|jpe?g|gif|webp|avif|woff2?|mp3|mp4|webm|zip|gz)$/i;

/** Reject paths an LMS would unpack somewhere unexpected (zip-slip) or not at all. */
export function checkZipPath(path: string): string | null {
  if (!path) return 'an empty path';
  if (path.includes('\\')) return `"${path}" uses a backslash (zip paths use "/")`;
  if (path.startsWith('/') || /^[A-Za-z]:/.test(path)) return `"${path}" is absolute`;
  if (path.split('/').some((s) => s === '..' || s === '.' || s === '')) return `"${path}" has an empty, "." or ".." segment`;
  return null;
}

/** Zip `files` (path inside the zip -> bytes). Throws on an unsafe path. */
export function deterministicZip(files: Record<string, Uint8Array>): Uint8Array {
  const entries: Zippable = {};
  for (const path of Object.keys(files).sort()) {
    const problem = checkZipPath(path);
    if (problem) throw new Error(`Cannot zip ${problem}.`);
    // Unix 0644 regular file: Linux unzip tools otherwise create files nobody can read.
    entries[path] = [files[path]!, { level: STORED.test(path) ? 0 : 9, mtime: ZIP_MTIME, os: 3, attrs: (0o100644 << 16) >>> 0 }];
  }
  return zipSync(entries, { level: 9, mtime: ZIP_MTIME });
}

/** The files of a zip (path -> bytes), directories left out. */
export function readZip(zip: Uint8Array): Record<string, Uint8Array> {
  const out: Record<string, Uint8Array> = {};
  for (const [path, data] of Object.entries(unzipSync(zip))) if (!path.endsWith('/')) out[path] = data;
  return out;
}
