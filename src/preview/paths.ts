/**
 * Map a request path to a file inside one folder, refusing anything that could reach outside it.
 *
 * We check the raw request target ourselves instead of trusting `new URL()`: WHATWG URL parsing
 * quietly folds `/a/%2e%2e/b` and `/a\..\b` into `/b`, which would turn an attack into an
 * innocent-looking path. Here every such request is refused outright with 403.
 */
import { realpath, stat } from 'node:fs/promises';
import path from 'node:path';

export type Resolved = { ok: true; file: string } | { ok: false; status: 400 | 403 | 404; reason: string };

/**
 * Split a raw request path (`/course/assets/x.png?v=1`, already without the mount prefix or
 * with it) into decoded, safe segments, or say why it is refused.
 */
export function safeSegments(rawPath: string): { ok: true; segments: string[] } | { ok: false; status: 400 | 403; reason: string } {
  const pathOnly = rawPath.split(/[?#]/, 1)[0]!;
  if (!pathOnly.startsWith('/')) return { ok: false, status: 400, reason: 'request path must start with "/"' };
  // Backslashes are separators on Windows and WHATWG URLs turn them into "/": never a file name here.
  if (/\\|%5c/i.test(pathOnly)) return { ok: false, status: 403, reason: 'backslash in path' };
  const segments: string[] = [];
  const parts = pathOnly.slice(1).split('/');
  for (let i = 0; i < parts.length; i++) {
    const raw = parts[i]!;
    if (raw === '') {
      // A trailing slash is a folder request; an empty segment elsewhere (`//etc`) smells of an absolute path.
      if (i === parts.length - 1) continue;
      return { ok: false, status: 403, reason: 'empty path segment' };
    }
    let seg: string;
    try {
      seg = decodeURIComponent(raw);
    } catch {
      return { ok: false, status: 400, reason: 'malformed percent-encoding' };
    }
    if (seg === '.' || seg === '..') return { ok: false, status: 403, reason: 'dot segment in path' };
    if (/[/\\\0]/.test(seg)) return { ok: false, status: 403, reason: 'encoded separator or NUL in path' };
    // `C:` at the start of a segment is a drive letter to Windows path functions.
    if (/^[A-Za-z]:/.test(seg)) return { ok: false, status: 403, reason: 'drive letter in path' };
    segments.push(seg);
  }
  return { ok: true, segments };
}

/**
 * Resolve segments under `root` to an existing regular file (a folder gives its index.html).
 * Symlinks are followed only when their target is still inside `root`.
 */
export async function resolveInside(root: string, segments: string[]): Promise<Resolved> {
  let realRoot: string;
  try {
    realRoot = await realpath(root);
  } catch {
    return { ok: false, status: 404, reason: 'nothing built yet' };
  }
  let candidate = path.join(realRoot, ...segments);
  // Belt and braces: the segment checks above already rule this out.
  if (candidate !== realRoot && !candidate.startsWith(realRoot + path.sep)) {
    return { ok: false, status: 403, reason: 'outside the served folder' };
  }
  try {
    if ((await stat(candidate)).isDirectory()) candidate = path.join(candidate, 'index.html');
    const real = await realpath(candidate);
    if (!real.startsWith(realRoot + path.sep)) return { ok: false, status: 403, reason: 'link points outside the served folder' };
    if (!(await stat(real)).isFile()) return { ok: false, status: 404, reason: 'not a file' };
    return { ok: true, file: real };
  } catch {
    return { ok: false, status: 404, reason: 'not found' };
  }
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.xsd': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.mp3': 'audio/mpeg',
  '.mp4': 'video/mp4',
  '.vtt': 'text/vtt; charset=utf-8',
  '.pdf': 'application/pdf',
};

export function contentType(file: string): string {
  return TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}
