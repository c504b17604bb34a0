/**
 * The managers' question key (src/package/question-key.ts) for the shipped course, checked against the
 * quizzes: every interaction id that full runs of the course produce (through the real progress store
 * and the runtime's interaction builder, with pools, retries and wrong answers) is in the key; the
 * correct responses are the quizzes' answers in the SCORM formats; the CSV reads back; the HTML stands
 * alone (no network, one h1, labelled sections) and names the objective (lesson) ids.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Answer, Course, Question } from '../../src/course/types.ts';
import { ProgressStore } from '../../src/course/progress.ts';
import { buildInteraction } from '../../src/scorm/interactions.ts';
import { keyCsv, keyHtml, questionKey, writeQuestionKey, type KeyRow } from '../../src/package/question-key.ts';
import { report } from '../../src/package/cli.ts';
import { fullCourse } from '../helpers/course-data.ts';

let course: Course;
let rows: KeyRow[];

beforeAll(async () => {
  course = await fullCourse();
  rows = questionKey(course);
});

/** A right answer, or a wrong one (for the retries). */
function answerFor(q: Question, right: boolean): Answer {
  switch (q.type) {
    case 'single':
      return { type: 'single', value: right ? q.correct : q.options.find((o) => o.id !== q.correct)!.id };
    case 'multiple':
      return { type: 'multiple', value: right ? q.correct : [q.options.find((o) => !q.correct.includes(o.id))!.id] };
    case 'truefalse':
      return { type: 'truefalse', value: right ? q.correct : !q.correct };
    case 'matching':
      return { type: 'matching', value: right ? q.correct : Object.fromEntries(q.items.map((i) => [i.id, q.targets.find((t) => t.id !== q.correct[i.id])!.id])) };
    case 'ordering':
      return { type: 'ordering', value: right ? q.correct : [...q.correct].reverse() };
  }
}

/** Every interaction id of one learner's full run: each quiz attempted, retried while anything is wrong, up to 4 attempts. */
function fullRun(seed: number): string[] {
  const store = new ProgressStore(course);
  const ids: string[] = [];
  let n = seed;
  for (const quiz of course.quizzes) {
    for (let attempt = 1; attempt <= 4; attempt++) {
      store.startAttempt(quiz.id, { wrongOnly: attempt > 1, seed: n++ });
      for (const qid of store.pending(quiz.id)) {
        const q = quiz.questions.find((x) => x.id === qid)!;
        // Some wrong answers on the first attempts, so retries ask again; all right by the last.
        const right = attempt === 4 || (n + qid.length) % 3 !== 0;
        const answer = answerFor(q, right);
        store.submitAnswer(quiz.id, qid, answer);
        const p = store.get().quizzes[quiz.id];
        ids.push(buildInteraction(course, quiz.id, qid, p.attempt, answer, new Date(0), 0)!.id);
      }
    }
  }
  return ids;
}

describe('the question key of the shipped course', () => {
  it('lists every question of every quiz once, in course order', () => {
    expect(rows.map((r) => `${r.quizId}.${r.questionId}`)).toEqual(course.quizzes.flatMap((quiz) => quiz.questions.map((q) => `${quiz.id}.${q.id}`)));
  });

  it('has every interaction id that full runs produce (pools, retries, wrong answers)', () => {
    const stems = new Set(rows.map((r) => r.idStem));
    const seen = new Set<string>();
    for (let seed = 1; seed <= 60; seed++) {
      for (const id of fullRun(seed * 7919)) {
        const m = /^(.*)\.(\d+)$/.exec(id);
        expect(m, id).not.toBeNull();
        expect(stems.has(m![1]), `${id} is in the key`).toBe(true);
        seen.add(m![1]);
      }
    }
    // The runs drew every question at least once, so the check covered the whole key.
    expect([...seen].sort()).toEqual([...stems].sort());
    const html = keyHtml(course, rows);
    for (const stem of stems) expect(html).toContain(`<code>${stem}.1</code>`);
  });

  it('gives the correct response of each question as the LMS records it', () => {
    for (const r of rows) {
      const q = course.quizzes.find((x) => x.id === r.quizId)!.questions.find((x) => x.id === r.questionId)!;
      switch (q.type) {
        case 'single':
          expect([r.correct12, r.correct2004], r.questionId).toEqual([q.correct, q.correct]);
          break;
        case 'multiple':
          expect([r.correct12, r.correct2004], r.questionId).toEqual([q.correct.join(','), q.correct.join('[,]')]);
          break;
        case 'truefalse':
          expect([r.correct12, r.correct2004], r.questionId).toEqual(q.correct ? ['t', 'true'] : ['f', 'false']);
          // The options read as the report shows them: t / f (1.2), with the 2004 word.
          expect(r.options.map((o) => `${o.id} = ${o.text}`), r.questionId).toEqual(['t = True (“true” in SCORM 2004)', 'f = False (“false” in SCORM 2004)']);
          break;
        case 'matching': {
          const pairs = q.items.map((i) => [i.id, q.correct[i.id]]);
          expect([r.correct12, r.correct2004], r.questionId).toEqual([pairs.map((p) => p.join('.')).join(','), pairs.map((p) => p.join('[.]')).join('[,]')]);
          break;
        }
        case 'ordering':
          expect(r.correct12, r.questionId).toBe(q.correct.join(','));
          break;
      }
      expect(r.quote, r.questionId).toBe(q.sourceQuote);
      expect(r.options.length, r.questionId).toBeGreaterThan(1);
      for (const o of r.options) expect(o.id, r.questionId).toMatch(/^[\w.]{1,250}$/);
    }
  });

  it('writes a CSV that reads back: one row per question, twelve columns, UTF-8 with a byte order mark', () => {
    const csv = keyCsv(rows);
    expect(csv.startsWith('\uFEFFquiz,quiz_title,interaction_id,')).toBe(true);
    const parsed = parseCsv(csv.slice(1));
    expect(parsed.length).toBe(rows.length + 1);
    for (const line of parsed) expect(line.length).toBe(12);
    for (const [i, r] of rows.entries()) {
      expect(parsed[i + 1][2]).toBe(`${r.idStem}.1`);
      expect(parsed[i + 1][5]).toBe(r.prompt);
      expect(parsed[i + 1][11]).toBe(r.quote);
    }
    // A non-ASCII option text (an en dash) reads back unchanged.
    expect(parsed.some((l) => l[6].includes('India–Nepal'))).toBe(true);
  });

  it('writes a standalone HTML page: no network, one h1, a section per quiz, an article per question', () => {
    const html = keyHtml(course, rows);
    expect(html).toMatch(/^<!doctype html>\n<html lang="en">/);
    expect(html).not.toMatch(/\s(src|href)=|@import|url\(/);
    expect(html).toContain(`default-src 'none'`);
    expect(html.match(/<h1\b/g)?.length).toBe(1);
    expect(html.match(/<section aria-labelledby="quiz-/g)?.length).toBe(course.quizzes.length);
    for (const l of course.lessons) expect(html).toContain(`<tr><td><code>${l.id}</code></td><td>${l.title}</td>`);
    expect(html.match(/<article /g)?.length).toBe(rows.length);
    expect(html).toContain('@media print');
  });

  it('is written next to the zips and named in the packager report', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'key-'));
    const files = await writeQuestionKey(course, dir, 'my-course');
    expect(files).toEqual({ html: path.join(dir, 'my-course-question-key.html'), csv: path.join(dir, 'my-course-question-key.csv') });
    expect(readFileSync(files!.html, 'utf8')).toBe(keyHtml(course, rows));
    const text = report({ name: 'my-course', course, packages: [], unpackedDir: null, questionKey: files });
    expect(text).toContain('my-course-question-key.html');
    expect(text).toContain('my-course-question-key.csv');
    expect(await writeQuestionKey({ ...course, quizzes: [] }, dir, 'none')).toBeNull();
  });
});

/** RFC 4180, enough for the key: quoted fields with doubled quotes, CRLF rows. */
function parseCsv(text: string): string[][] {
  const out: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      out.push(row);
      row = [];
      field = '';
      i++;
    } else field += c;
  }
  return out;
}
