/**
 * Errors and warnings about content (pages, quizzes, course settings), always with the file,
 * the line when known, and a reason written for an author, not a programmer.
 */

export interface ContentProblem {
  /** Path as the author knows it, relative to the content folder, e.g. `modules/05-discussion.md`. */
  file: string;
  /** 1-based line, or null when the problem is about the whole file. */
  line: number | null;
  reason: string;
}

export function formatProblem(p: ContentProblem): string {
  return `${p.file}${p.line !== null ? `:${p.line}` : ''}: ${p.reason}`;
}

/** One or more problems that stop the build. */
export class ContentError extends Error {
  readonly problems: ContentProblem[];
  constructor(problems: ContentProblem | ContentProblem[]) {
    const list = Array.isArray(problems) ? problems : [problems];
    super(list.map(formatProblem).join('\n'));
    this.name = 'ContentError';
    this.problems = list;
  }
  /** Convenience for the common single-problem case. */
  static at(file: string, line: number | null, reason: string): ContentError {
    return new ContentError({ file, line, reason });
  }
}

/** Something the author should know that does not stop the build (e.g. an external image left out). */
export type ContentWarning = ContentProblem;

/** The message an author sees when the build stops: every problem, one a line, and what to do. */
export function contentErrorReport(err: ContentError): string {
  const n = err.problems.length;
  return (
    `The course content has ${n === 1 ? 'a problem' : `${n} problems`}:\n` +
    err.problems.map((p) => '  ' + formatProblem(p)).join('\n') +
    '\n\nThe build stopped. Fix the file above and run the command again.\n'
  );
}
