/**
 * Time values in each SCORM version's own format. Moodle validates them with its own regular
 * expressions (mod/scorm/datamodels/scorm_12.js and scorm_13.js), which allow at most two
 * decimals on seconds and, in 1.2, two to four digits of hours.
 */

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** Whole centiseconds, never negative or NaN (clocks can go backwards). */
function centis(ms: number): number {
  return Number.isFinite(ms) && ms > 0 ? Math.round(ms / 10) : 0;
}

/** SCORM 1.2 CMITimespan `HHHH:MM:SS.SS`; capped at 9999:59:59.99 (Moodle allows at most 4 hour digits). */
export function timespan12(ms: number): string {
  const cs = Math.min(centis(ms), 9999 * 360000 + 359999);
  const h = Math.floor(cs / 360000);
  const m = Math.floor((cs % 360000) / 6000);
  const s = Math.floor((cs % 6000) / 100);
  return `${pad(h, 4)}:${pad(m)}:${pad(s)}.${pad(cs % 100)}`;
}

/** Milliseconds of a 1.2 CMITimespan or a 2004 timeinterval as an LMS returns it; null when unreadable. */
export function parseDuration(text: string | null): number | null {
  if (!text) return null;
  const t12 = /^(\d{2,4}):(\d{2}):(\d{2}(?:\.\d+)?)$/.exec(text);
  if (t12) return Math.round((Number(t12[1]) * 3600 + Number(t12[2]) * 60 + Number(t12[3])) * 1000);
  const t = /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/.exec(text);
  if (!t || text === 'P' || text.endsWith('T')) return null;
  const [y, mo, d, h, mi, s] = t.slice(1).map((x) => Number(x ?? 0));
  return Math.round(((y * 365 + mo * 30 + d) * 86400 + h * 3600 + mi * 60 + s) * 1000);
}

/** SCORM 1.2 CMITime (time of day) `HH:MM:SS`, local time: 1.2 has no date or zone. */
export function clock12(date: Date): string {
  return `${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`;
}

/** SCORM 2004 timeinterval (ISO 8601 duration), e.g. `PT1H2M3.45S`; at most 2 decimals on seconds. */
export function duration2004(ms: number): string {
  const cs = centis(ms);
  const h = Math.floor(cs / 360000);
  const m = Math.floor((cs % 360000) / 6000);
  const rest = cs % 6000;
  const s = rest % 100 === 0 ? String(rest / 100) : (rest / 100).toFixed(2).replace(/0$/, '');
  if (h > 0) return `PT${h}H${m}M${s}S`;
  if (m > 0) return `PT${m}M${s}S`;
  return `PT${s}S`;
}

/**
 * SCORM 2004 time (second) `YYYY-MM-DDThh:mm:ss.sZ` in UTC with one decimal: the format allows
 * up to 2 decimals in Moodle, and UTC keeps reports from different time zones comparable.
 */
export function timestamp2004(date: Date): string {
  const d = date;
  return (
    `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}` +
    `T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}` +
    `.${Math.floor(d.getUTCMilliseconds() / 100)}Z`
  );
}

/** A decimal as SCORM wants it: plain digits (never `1e-7`), at most `places` decimals. */
export function decimal(n: number, places = 2): string {
  if (!Number.isFinite(n)) return '0';
  const fixed = n.toFixed(places);
  const text = fixed.includes('.') ? fixed.replace(/\.?0+$/, '') : fixed;
  return text === '-0' ? '0' : text;
}
