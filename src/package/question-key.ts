/**
 * The question key for managers: `dist/<name>-question-key.html` (standalone, accessible, printable,
 * no network) and `.csv`, written by `npm run package`. For every question: the interaction id the
 * LMS shows (`<quiz>.<question>.<attempt>`), the prompt, the options with their ids, the correct
 * response exactly as the LMS records it (SCORM 1.2 and 2004 formats), and the words of the lesson it
 * tests. Ids and responses are computed with the runtime's own interaction builder, so the key cannot
 * drift from what the course sends.
 *
 * Order: quizzes in course order (the order a learner meets them), questions in the quiz file's order.
 * Moodle's Interactions report lists a learner's answers in the order they were sent, which differs
 * between learners (questions are shuffled and drawn from a pool): look each one up by its id.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Answer, Choice, Course, Question, Quiz } from '../course/types.ts';
import { buildInteraction, response12, response2004, type InteractionType } from '../scorm/interactions.ts';
import { lessonIndex } from '../content/sentences.ts';

export interface KeyOption {
  /** `option`, `item` (left column of a matching question) or `target`. */
  role: 'option' | 'item' | 'target';
  id: string;
  text: string;
  correct: boolean;
}

export interface KeyRow {
  quizId: string;
  quizTitle: string;
  questionId: string;
  /** The interaction id without its attempt number: the LMS shows `<idStem>.1`, `<idStem>.2` ... */
  idStem: string;
  /** SCORM interaction type. */
  type: InteractionType;
  prompt: string;
  options: KeyOption[];
  correct12: string;
  correct2004: string;
  lessonTitle: string;
  /** The sentence (or passage) id the question points at. */
  sourceId: string;
  /** The lesson's words that answer it. */
  quote: string;
}

const TYPE_NAMES: Record<InteractionType, string> = {
  choice: 'choice',
  'true-false': 'true/false',
  matching: 'matching',
  sequencing: 'ordering (sequencing)',
};

function correctAnswer(q: Question): Answer {
  switch (q.type) {
    case 'single':
      return { type: 'single', value: q.correct };
    case 'multiple':
      return { type: 'multiple', value: q.correct };
    case 'truefalse':
      return { type: 'truefalse', value: q.correct };
    case 'matching':
      return { type: 'matching', value: q.correct };
    case 'ordering':
      return { type: 'ordering', value: q.correct };
  }
}

function options(q: Question): KeyOption[] {
  const opt = (role: KeyOption['role'], c: Choice, correct: boolean): KeyOption => ({ role, id: c.id, text: c.text, correct });
  switch (q.type) {
    case 'single':
      return q.options.map((o) => opt('option', o, o.id === q.correct));
    case 'multiple':
      return q.options.map((o) => opt('option', o, q.correct.includes(o.id)));
    case 'ordering':
      return q.options.map((o) => opt('option', o, true));
    case 'truefalse': {
      // The ids as the runtime sends them: Moodle's 1.2 reports show `t` / `f`, which a manager cannot guess.
      const tf = (value: boolean, text: string): KeyOption => ({
        role: 'option',
        id: response12({ kind: 'bool', value }, { options: [], targets: [] })!,
        text: `${text} (“${response2004({ kind: 'bool', value }, 'true-false')}” in SCORM 2004)`,
        correct: q.correct === value,
      });
      return [tf(true, 'True'), tf(false, 'False')];
    }
    case 'matching': {
      const used = new Set(Object.values(q.correct));
      return [...q.items.map((o) => opt('item', o, true)), ...q.targets.map((o) => opt('target', o, used.has(o.id)))];
    }
  }
}

/** The words the question tests: its quote, or the start of its passage when it names only a passage. */
function passageWords(course: Course, quiz: Quiz, q: Question): string {
  if (q.sourceQuote) return q.sourceQuote;
  const lesson = course.lessons.find((l) => l.id === quiz.lessonId);
  const text = lesson ? (lessonIndex(lesson).passages.get(q.source)?.text ?? '') : '';
  return text.length > 300 ? `${text.slice(0, 299)}…` : text;
}

export function questionKey(course: Course): KeyRow[] {
  const rows: KeyRow[] = [];
  const at = new Date(0);
  for (const quiz of course.quizzes) {
    const lesson = course.lessons.find((l) => l.id === quiz.lessonId);
    for (const q of quiz.questions) {
      const record = buildInteraction(course, quiz.id, q.id, 1, correctAnswer(q), at, 0)!;
      rows.push({
        quizId: quiz.id,
        quizTitle: quiz.title,
        questionId: q.id,
        idStem: record.id.replace(/\.1$/, ''),
        type: record.type,
        prompt: q.promptText,
        options: options(q),
        correct12: response12(record.correct, record.order) ?? '',
        correct2004: response2004(record.correct, record.type) ?? '',
        lessonTitle: lesson?.title ?? quiz.lessonId,
        sourceId: q.sourceSentence ?? q.source,
        quote: passageWords(course, quiz, q),
      });
    }
  }
  return rows;
}

// ---- CSV ---------------------------------------------------------------------------------------

const CSV_COLUMNS = [
  'quiz',
  'quiz_title',
  'interaction_id',
  'question_id',
  'type',
  'question',
  'options',
  'correct_response_scorm12',
  'correct_response_scorm2004',
  'lesson',
  'source',
  'lesson_words',
] as const;

function csvField(value: string): string {
  // A leading = + - @ would run as a formula in a spreadsheet.
  const safe = /^[=+\-@]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

function optionList(row: KeyRow): string {
  return row.options.map((o) => `${o.role === 'option' ? '' : `${o.role} `}${o.id} = ${o.text}${o.correct && row.type === 'choice' ? ' (correct)' : ''}`).join(' | ');
}

/** RFC 4180 (CRLF), with a byte order mark so spreadsheet programs read the text as UTF-8. */
export function keyCsv(rows: readonly KeyRow[]): string {
  const lines = [CSV_COLUMNS.join(',')];
  for (const r of rows) {
    lines.push(
      [r.quizId, r.quizTitle, `${r.idStem}.1`, r.questionId, r.type, r.prompt, optionList(r), r.correct12, r.correct2004, r.lessonTitle, r.sourceId, r.quote]
        .map(csvField)
        .join(','),
    );
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

// ---- HTML --------------------------------------------------------------------------------------

function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

const STYLE = `
  :root { color-scheme: light; }
  body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; line-height: 1.5; color: #1b1b1b; background: #fff; margin: 0; }
  main { max-width: 52rem; margin: 0 auto; padding: 1.5rem 1rem 3rem; }
  h1 { font-size: 1.75rem; line-height: 1.25; margin: 0 0 0.5rem; }
  h2 { font-size: 1.4rem; margin: 2.5rem 0 0.5rem; padding-top: 1rem; border-top: 3px solid #1b1b1b; }
  h3 { font-size: 1.1rem; margin: 0 0 0.5rem; }
  code { font-family: ui-monospace, "Cascadia Mono", Consolas, monospace; font-size: 0.95em; background: #f2f2f2; padding: 0 0.2em; border-radius: 2px; overflow-wrap: anywhere; }
  article { border: 1px solid #6b6b6b; border-radius: 4px; padding: 1rem; margin: 1rem 0; }
  dl { display: grid; grid-template-columns: minmax(8rem, max-content) 1fr; gap: 0.4rem 1rem; margin: 0; }
  dt { font-weight: 700; }
  dd { margin: 0; min-width: 0; }
  ul { margin: 0; padding-left: 1.25rem; }
  blockquote { margin: 0; padding-left: 0.75rem; border-left: 4px solid #6b6b6b; }
  .correct { font-weight: 700; }
  table { border-collapse: collapse; width: 100%; }
  caption { text-align: left; font-weight: 700; margin-bottom: 0.25rem; }
  th, td { border: 1px solid #6b6b6b; padding: 0.3rem 0.5rem; text-align: left; vertical-align: top; overflow-wrap: anywhere; }
  dd, blockquote { overflow-wrap: anywhere; }
  @media (max-width: 30rem) { dl { grid-template-columns: 1fr; } dd { margin-bottom: 0.5rem; } }
  @media print {
    main { max-width: none; padding: 0; }
    article { break-inside: avoid; }
    h2 { break-before: page; border-top: 0; }
    h2:first-of-type { break-before: auto; }
    code { background: none; }
  }
`;

function optionsHtml(r: KeyRow): string {
  const list = (role: KeyOption['role']) =>
    r.options
      .filter((o) => o.role === role)
      .map((o) => {
        const mark = o.correct && r.type !== 'matching' && r.type !== 'sequencing' ? ' <span class="correct">(correct)</span>' : '';
        return `<li><code>${esc(o.id)}</code> ${esc(o.text)}${mark}</li>`;
      })
      .join('');
  if (r.type === 'matching') {
    return `<p>Items:</p><ul>${list('item')}</ul><p>Targets:</p><ul>${list('target')}</ul>`;
  }
  return `<ul>${list('option')}</ul>`;
}

/** The Objectives report's columns are headed by objective ids: one per lesson, id = lesson id. */
function objectivesHtml(course: Course): string {
  const rows = course.lessons
    .map((l) => {
      const quiz = course.quizzes.find((q) => q.lessonId === l.id);
      return `<tr><td><code>${esc(l.id)}</code></td><td>${esc(l.title)}</td><td>${quiz ? `${esc(quiz.title)} (<code>${esc(quiz.id)}</code>)` : 'none'}</td></tr>`;
    })
    .join('\n');
  return `<section aria-labelledby="objectives">
<h2 id="objectives">Lessons (the objectives)</h2>
<p>The course reports one objective per lesson: completed once the lesson has been read to its end, then passed or failed,
with its quiz's best score, once that quiz has been submitted.</p>
<table>
<caption>Objective ids and what they stand for</caption>
<thead><tr><th scope="col">Objective id</th><th scope="col">Lesson</th><th scope="col">Its quiz</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>
</section>`;
}

export function keyHtml(course: Course, rows: readonly KeyRow[]): string {
  const parts: string[] = [objectivesHtml(course)];
  for (const quiz of course.quizzes) {
    const mine = rows.filter((r) => r.quizId === quiz.id);
    const pool = quiz.settings.pool !== null && quiz.settings.pool < quiz.questions.length ? ` Each attempt asks ${quiz.settings.pool} of these ${quiz.questions.length} questions, drawn at random.` : '';
    parts.push(`<section aria-labelledby="quiz-${esc(quiz.id)}">
<h2 id="quiz-${esc(quiz.id)}">${esc(quiz.title)}</h2>
<p>Quiz id <code>${esc(quiz.id)}</code>, after the lesson “${esc(mine[0]?.lessonTitle ?? quiz.lessonId)}”. Pass mark ${quiz.settings.passMark}%.${pool}</p>`);
    for (const r of mine) {
      parts.push(`<article aria-labelledby="q-${esc(r.idStem)}">
<h3 id="q-${esc(r.idStem)}"><code>${esc(r.idStem)}.1</code></h3>
<dl>
<dt>Question</dt><dd>${esc(r.prompt)}</dd>
<dt>Type</dt><dd>${esc(TYPE_NAMES[r.type])}</dd>
<dt>Options</dt><dd>${optionsHtml(r)}</dd>
<dt>Correct response</dt><dd><code>${esc(r.correct12)}</code> (SCORM 1.2)<br><code>${esc(r.correct2004)}</code> (SCORM 2004)</dd>
<dt>Lesson words it tests</dt><dd>“${esc(r.lessonTitle)}”, <code>${esc(r.sourceId)}</code>:<blockquote><p>${esc(r.quote)}</p></blockquote></dd>
</dl>
</article>`);
    }
    parts.push('</section>');
  }
  return `<!doctype html>
<html lang="${esc(course.settings.language)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>Question key: ${esc(course.title)}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
<h1>Question key: ${esc(course.title)}</h1>
<p>For managers reading the LMS's reports. Each question is listed under the interaction id the LMS shows
(<code>quiz.question.attempt</code>: <code>.1</code> for a learner's first attempt at the quiz, <code>.2</code> for the second, and so on),
with its options and their ids (a learner's response is the ids they chose, as in the “Correct response” format),
the correct response as the LMS records it, and the words of the lesson the question tests.</p>
<p>In a matching response, <code>item.target</code> pairs are separated by commas (SCORM 1.2) or <code>[,]</code>, with <code>[.]</code> inside each pair (SCORM 2004);
<code>t</code> and <code>f</code> (1.2) or <code>true</code> and <code>false</code> (2004) answer a true/false question.
The LMS lists a learner's answers in the order they gave them, which differs between learners: find each one here by its id.</p>
${parts.join('\n')}
</main>
</body>
</html>
`;
}

/** Write both files next to the zips; returns their paths (none when the course has no quizzes). */
export async function writeQuestionKey(course: Course, outDir: string, name: string): Promise<{ html: string; csv: string } | null> {
  if (course.quizzes.length === 0) return null;
  const rows = questionKey(course);
  await mkdir(outDir, { recursive: true });
  const html = path.join(outDir, `${name}-question-key.html`);
  const csv = path.join(outDir, `${name}-question-key.csv`);
  await writeFile(html, keyHtml(course, rows));
  await writeFile(csv, keyCsv(rows));
  return { html, csv };
}
