/**
 * Build time: read `quizzes/*.yaml` (one quiz per file), check each against the lessons, and
 * return the quizzes in course order (by their lesson, then file name). Every problem of every
 * file is collected and thrown together as one ContentError.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Lesson, Quiz } from '../course/types.ts';
import { ContentError, type ContentProblem, type ContentWarning } from './errors.ts';
import { markdownToSafeHtml } from './markdown.ts';
import { lintQuiz } from './quiz-lint.ts';
import { buildQuiz, type QuizLines } from './quiz-schema.ts';
import { Checker } from './yaml-check.ts';
import { parseYaml } from './yaml-lines.ts';

/**
 * Loads every quiz; a missing folder means a course without quizzes. Warnings (the item linter's,
 * bare-letter ids) are appended to `warnings`.
 */
export async function loadQuizzes(quizzesDir: string, lessons: Lesson[], contentRoot: string, warnings: ContentWarning[] = []): Promise<Quiz[]> {
  let names: string[];
  try {
    names = (await readdir(quizzesDir, { withFileTypes: true }))
      .filter((d) => d.isFile() && /\.ya?ml$/i.test(d.name) && !d.name.startsWith('.'))
      .map((d) => d.name)
      .sort();
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw err;
  }
  const problems: ContentProblem[] = [];
  const quizzes: Quiz[] = [];
  const ids = new Map<string, string>();
  for (const name of names) {
    const abs = path.join(quizzesDir, name);
    const file = path.relative(contentRoot, abs).split(path.sep).join('/');
    const quiz = parseQuiz(await readFile(abs, 'utf8'), file, name, lessons, problems, warnings);
    if (!quiz) continue;
    const other = ids.get(quiz.id);
    if (other) {
      problems.push({ file, line: null, reason: `The quiz id "${quiz.id}" is already used by ${other}; each quiz needs its own id.` });
      continue;
    }
    ids.set(quiz.id, file);
    quizzes.push(quiz);
  }
  if (problems.length) throw new ContentError(problems);
  const order = new Map(lessons.map((l, i) => [l.id, i]));
  return quizzes.sort((a, b) => order.get(a.lessonId)! - order.get(b.lessonId)! || a.file.localeCompare(b.file));
}

/**
 * Check one quiz file's text, then lint its items (src/content/quiz-lint.ts). `file` names it in
 * messages (`quizzes/x.yaml`); `name` is its name inside `quizzes/`. Problems are appended to
 * `problems`, warnings to `warnings`; returns null when there are any problems.
 */
export function parseQuiz(
  text: string,
  file: string,
  name: string,
  lessons: readonly Lesson[],
  problems: ContentProblem[],
  warnings: ContentWarning[] = [],
): Quiz | null {
  const check = new Checker(file);
  const parsed = parseYaml(text.replace(/^\uFEFF/, ''), file);
  check.problems.push(...parsed.problems);
  const lines: QuizLines = new Map();
  const quiz =
    parsed.problems.length === 0
      ? buildQuiz(parsed.root, { file, name, lessons, lines, render: (md, inline) => markdownToSafeHtml(md, { inline }) }, check)
      : null;
  if (quiz && check.problems.length === 0) {
    const lint = lintQuiz(quiz, file, lines);
    check.problems.push(...lint.errors);
    check.warnings.push(...lint.warnings);
  }
  const byLine = (a: ContentProblem, b: ContentProblem) => (a.line ?? 0) - (b.line ?? 0);
  problems.push(...check.problems.sort(byLine));
  warnings.push(...check.warnings.sort(byLine));
  return check.problems.length ? null : quiz;
}
