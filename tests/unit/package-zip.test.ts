/** Deterministic zips: same files in, same bytes out, whatever the order, clock or time zone. */
import { describe, expect, it } from 'vitest';
import { unzipSync } from 'fflate';
import { checkZipPath, deterministicZip, readZip, ZIP_MTIME } from '../../src/package/zip.ts';

const enc = (s: string) => new TextEncoder().encode(s);
const files = () => ({
  'index.html': enc('<!doctype html><title>x</title>'),
  'course.js': enc('console.log(1);'.repeat(50)),
  'assets/fig.png': new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]),
  'chunks/lit.js': enc('export{}'),
});

/** Local headers in order: name and compression method. */
function entries(zip: Uint8Array): { name: string; method: number; dosDate: number; dosTime: number }[] {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const out = [];
  let p = 0;
  while (view.getUint32(p, true) === 0x04034b50) {
    const method = view.getUint16(p + 8, true);
    const dosTime = view.getUint16(p + 10, true);
    const dosDate = view.getUint16(p + 12, true);
    const size = view.getUint32(p + 18, true);
    const nameLen = view.getUint16(p + 26, true);
    const extraLen = view.getUint16(p + 28, true);
    out.push({ name: new TextDecoder().decode(zip.subarray(p + 30, p + 30 + nameLen)), method, dosDate, dosTime });
    p += 30 + nameLen + extraLen + size;
  }
  return out;
}

describe('deterministicZip', () => {
  it('gives byte-identical zips for the same files in any insertion order', () => {
    const a = deterministicZip(files());
    const reversed = Object.fromEntries(Object.entries(files()).reverse());
    const b = deterministicZip(reversed);
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
  });

  it('differs when one byte of content differs (the comparison can fail)', () => {
    const changed = { ...files(), 'course.js': enc('console.log(2);'.repeat(50)) };
    expect(Buffer.from(deterministicZip(files())).equals(Buffer.from(deterministicZip(changed)))).toBe(false);
  });

  it('sorts entries, stamps them 1980-01-01 00:00, and stores already-compressed images', () => {
    const list = entries(deterministicZip(files()));
    expect(list.map((e) => e.name)).toEqual(['assets/fig.png', 'chunks/lit.js', 'course.js', 'index.html']);
    // DOS date: (year-1980)<<9 | month<<5 | day; time 0.
    expect(list.every((e) => e.dosDate === ((0 << 9) | (1 << 5) | 1) && e.dosTime === 0)).toBe(true);
    expect(list.find((e) => e.name === 'assets/fig.png')!.method).toBe(0);
    expect(list.find((e) => e.name === 'course.js')!.method).toBe(8);
    expect(ZIP_MTIME.getFullYear()).toBe(1980);
  });

  it('round-trips the contents', () => {
    const back = readZip(deterministicZip(files()));
    expect(Object.keys(back).sort()).toEqual(Object.keys(files()).sort());
    expect(new TextDecoder().decode(back['course.js'])).toBe('console.log(1);'.repeat(50));
    expect(Object.keys(unzipSync(deterministicZip(files())))).not.toContain('chunks/');
  });

  it.each(['../evil.js', '/etc/passwd', 'a\\b.js', 'a//b.js', './a.js', 'C:/x.js', ''])('refuses the unsafe path %j', (p) => {
    expect(checkZipPath(p)).not.toBeNull();
    expect(() => deterministicZip({ [p]: enc('x') })).toThrow(/Cannot zip/);
  });
});
