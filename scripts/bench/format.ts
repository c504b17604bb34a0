/** Number formats for the table: exact bytes with thousands separators, ms to one decimal. */
export const fmtBytes = (n: number) => `${Math.round(n).toLocaleString('en')} B`;
export const fmtKB = (n: number) => `${(n / 1000).toFixed(1)} kB`;
export const fmtBytesKB = (n: number) => `${fmtBytes(n)} (${fmtKB(n)})`;
export const fmtMs = (n: number) => `${n.toFixed(0)} ms`;
export const fmtCount = (n: number) => n.toLocaleString('en');
export const fmtChars = (n: number) => `${n.toLocaleString('en')} chars`;
export const fmtRatio = (n: number) => `${n.toFixed(2)}x`;

/** A plain-text table: columns padded to the widest cell, long cells wrapped at `maxWidth`. */
export function table(rows: string[][], maxWidth = 60): string {
  const wrapped = rows.map((r) => r.map((c) => wrap(c, maxWidth)));
  const widths: number[] = [];
  for (const r of wrapped) r.forEach((c, i) => (widths[i] = Math.max(widths[i] ?? 0, ...c.map((l) => l.length))));
  const out: string[] = [];
  wrapped.forEach((r, ri) => {
    const height = Math.max(...r.map((c) => c.length));
    for (let li = 0; li < height; li++) out.push(r.map((c, i) => (c[li] ?? '').padEnd(widths[i])).join('  ').trimEnd());
    if (ri === 0) out.push(widths.map((w) => '-'.repeat(w)).join('  '));
  });
  return out.join('\n');
}

function wrap(text: string, width: number): string[] {
  if (text.length <= width) return [text];
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && (line + ' ' + word).length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}
