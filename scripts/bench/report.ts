/**
 * The printed report: date, machine, settings, one table of figures (SCORM 1.2 and 2004 side by
 * side, each figure beside its budget), the budgets with holds/MISSED, and the reasons for any
 * figure not measured (as numbered notes, so the table stays readable).
 */
import type { Results, VersionResults } from '../bench.ts';
import { BUDGETS, SUSPEND_LIMIT_12 } from './budgets.ts';
import { fmtBytes, fmtBytesKB, fmtChars, fmtCount, fmtMs, fmtRatio, table } from './format.ts';
import type { Measured, Stats } from './measured.ts';
import { PROFILES, SLOW_4G } from './timing.ts';

export function renderReport(r: Results): string {
  const notes: string[] = [];
  const cell = <T>(m: Measured<T>, fmt: (v: T) => string): string => {
    if (m.ok) return fmt(m.value);
    let i = notes.indexOf(m.reason);
    if (i < 0) i = notes.push(m.reason) - 1;
    return `not measured [${i + 1}]`;
  };
  const both = <T>(label: string, pick: (x: VersionResults) => Measured<T>, fmt: (v: T) => string, budget = ''): string[] => [
    label,
    cell(pick(r.versions['1.2']), fmt),
    cell(pick(r.versions['2004']), fmt),
    budget,
  ];
  const same = <T>(label: string, m: Measured<T>, fmt: (v: T) => string, budget = ''): string[] => {
    const c = cell(m, fmt);
    return [label, c, c, budget];
  };
  const range = (s: Stats) => `${fmtMs(s.min)} / ${fmtMs(s.median)} / ${fmtMs(s.max)}`;
  const m = r.machine;
  const lines: string[] = [];
  lines.push(`Course benchmark, ${r.date}`);
  if (r.course) {
    const c = r.course;
    lines.push(
      `Course: ${c.label} (content folder ${c.contentDir}): ${fmtCount(c.lessons)} lessons, ${fmtCount(c.words)} words, ${fmtCount(c.quizzes)} quizzes, ${fmtCount(c.questions)} questions.`,
    );
  }
  lines.push(`Machine: ${m.os}; ${m.cpuCount} x ${m.cpuModel}; ${m.memoryGiB} GiB memory; Node ${m.node}; Chromium ${m.chromium}`);
  lines.push(
    `Load average (1 min): ${m.loadAverage.start} at the start, ${m.loadAverage.end ?? '?'} at the end, on ${m.cpuCount} CPUs` +
      (Math.max(m.loadAverage.start, m.loadAverage.end ?? 0) > m.cpuCount ? ' (BUSY: other work ran beside the bench; timings are inflated and noisy).' : '.'),
  );
  lines.push(
    `Settings: ${r.settings.runs} timed runs per profile (after 1 warm-up), fresh browser context each; ` +
      `gzip level ${r.settings.gzipLevel}; 1 kB = 1,000 bytes; slow network "${SLOW_4G.name}" = ` +
      `${SLOW_4G.latencyMs} ms RTT, ${SLOW_4G.downloadKbps / 1000} Mbps down, ${SLOW_4G.uploadKbps} kbps up.`,
  );
  if (r.settings.runs < 7) lines.push(`NOTE: fewer than 7 timed runs (--runs ${r.settings.runs}): a quick check, not figures to publish.`);
  lines.push('');

  const rows: string[][] = [['Figure', 'SCORM 1.2', 'SCORM 2004', 'Budget']];
  rows.push(['BYTES', '', '', '']);
  // The zip budget is the shipped course's (bench.ts, checkBudgets): a bigger course's words make a bigger zip.
  rows.push(both('zip size', (x) => x.zipBytes, fmtBytesKB, !r.course || r.course.label === 'shipped' ? `1.2: <= ${fmtBytesKB(BUDGETS.zip12Bytes)}` : ''));
  rows.push(both('first-view transfer, gzip', (x) => x.firstView, (t) => fmtBytesKB(t.gzip), `<= ${fmtBytesKB(BUDGETS.firstViewGzipBytes)}`));
  rows.push(both('  per file, gzip', (x) => x.firstView, (t) => t.files.map((f) => `${f.path} ${fmtBytes(f.gzip)}`).join(', ')));
  rows.push(both('  first view uncompressed', (x) => x.firstView, (t) => fmtBytesKB(t.raw)));
  rows.push(both('whole-course transfer, gzip', (x) => x.wholeCourse, (t) => `${fmtBytesKB(t.gzip)}, ${t.files.length} files`));
  rows.push(same('lesson text alone, gzip (floor)', r.floor, (f) => `${fmtBytesKB(f.gzip)} (${fmtCount(f.words)} words, ${f.lessons} lessons)`));
  rows.push(same('compiled course data alone (JSON), gzip', r.courseData, (d) => fmtBytesKB(d.gzip)));
  rows.push(both('first view / floor', (x) => x.ratio, fmtRatio));
  rows.push([`TIME to course ready (min / median / max of ${r.settings.runs})`, '', '', '']);
  for (const p of PROFILES) {
    rows.push(
      both(
        `course ready, ${p.label}`,
        (x) => x.timing[p.id],
        (t) => range(t.ready),
        p.id === 'cpu4x' ? `median <= ${fmtMs(BUDGETS.readyMedianMsAt4xCpu)}` : '',
      ),
    );
  }
  for (const p of PROFILES) rows.push(both(`  first paint after course ready, ${p.label}`, (x) => x.timing[p.id], (t) => range(t.painted)));
  for (const p of PROFILES) rows.push(both(`  first contentful paint, ${p.label}`, (x) => x.timing[p.id], (t) => range(t.fcp)));
  for (const p of PROFILES) rows.push(both(`  LMS Initialize called, ${p.label}`, (x) => x.timing[p.id], (t) => range(t.init)));
  rows.push(['LMS TRAFFIC, one scripted full completion', '', '', '']);
  rows.push(both('SetValue calls', (x) => x.traffic, (t) => fmtCount(t.setValues), 'no commit per SetValue'));
  rows.push(
    both(
      'commits (Commit + Terminate calls)',
      (x) => x.traffic,
      (t) => `${t.commits} (${t.commitCalls} + ${t.terminateCalls})`,
      '<= 1 per answer, lesson, quiz and exit',
    ),
  );
  rows.push(both('  allowed', (x) => x.traffic, (t) => `${t.allowedCommits} = ${t.answersSubmitted} answers + ${t.lessonsFinished} lessons + ${t.quizzesSubmitted} quizzes + ${t.exits} exit`));
  rows.push(both('  when (what the learner had just done)', (x) => x.traffic, (t) => commitList(t.commitLog)));
  rows.push(both('values set (sum of lengths)', (x) => x.traffic, (t) => fmtChars(t.valueChars)));
  rows.push(both('CMI JSON sent at commits (sum)', (x) => x.traffic, (t) => fmtBytesKB(t.cmiBytesAtCommits)));
  rows.push(both('longest suspend_data in this run', (x) => x.traffic, (t) => `${fmtChars(t.maxSuspendChars)} of ${fmtCount(SUSPEND_LIMIT_12)}`));
  rows.push(both('status at the end', (x) => x.traffic, (t) => t.finalStatus));
  rows.push(
    same(
      'worst-case suspend_data (runtime codec)',
      r.worstCaseSuspend,
      (w) => `${fmtChars(w.chars)} of ${fmtCount(SUSPEND_LIMIT_12)}`,
      `<= ${fmtChars(BUDGETS.worstSuspendChars)}`,
    ),
  );
  rows.push(['BUILD', '', '', '']);
  rows.push(same(`npm run package (min / median / max of ${r.settings.buildRuns})`, r.build, range));
  lines.push(table(rows, 56));
  lines.push('');

  lines.push('Budgets');
  const brow: string[][] = [['Budget', 'Figure', 'Limit', 'Result']];
  for (const b of r.budgets) brow.push([b.name, b.figure.startsWith('not measured') ? cell({ ok: false, reason: b.figure.slice(14) }, String) : b.figure, b.budget, b.ok ? 'holds' : 'MISSED']);
  lines.push(table(brow, 56));
  const held = r.budgets.filter((b) => b.ok).length;
  lines.push('', `${held} of ${r.budgets.length} budgets hold.`);

  if (notes.length) {
    lines.push('', 'Not measured:');
    notes.forEach((n, i) => lines.push(`  [${i + 1}] ${n}`));
  }
  return lines.join('\n');
}

/** The commits beside what caused them; a long course's hundreds are cut to the first and last few (the JSON has all). */
function commitList(log: { name: string; after: string }[], keep = 12): string {
  const line = (c: { name: string; after: string }) => `${c.name} after ${c.after}`;
  if (log.length <= keep) return log.map(line).join('; ');
  const head = log.slice(0, keep - 2).map(line);
  const tail = log.slice(-2).map(line);
  return [...head, `... ${log.length - keep} more ...`, ...tail].join('; ');
}
