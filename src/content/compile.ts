/**
 * Build time: turn a content folder (`modules/*.md`, `quizzes/*.yaml`, optional `course.yaml`)
 * into one typed, validated course object. Every problem is a ContentError with file and line.
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import type { Course } from '../course/types.ts';
import { ContentError, type ContentWarning } from './errors.ts';
import { importPages } from './pages.ts';
import { loadQuizzes } from './quizzes.ts';
import { estimateMinutes, loadSettings, SETTINGS_FILE, SUPPORT_MISSING } from './settings.ts';
import { loadBriefs, withGuidance } from './brief.ts';
import { loadGlossary, markGlossary } from './glossary.ts';

export interface CompiledCourse {
  course: Course;
  /** Files to copy into the package: path inside the package (e.g. `assets/fig-2.png`) -> absolute source path. */
  assets: Record<string, string>;
  /** Every file the course was built from (for watch mode). */
  inputs: string[];
  warnings: ContentWarning[];
}

export async function compileCourse(contentDir: string): Promise<CompiledCourse> {
  const root = path.resolve(contentDir);
  const settings = await loadSettings(root);
  const pages = await importPages(path.join(root, 'modules'), root);
  const quizWarnings: ContentWarning[] = [];
  const quizzes = await loadQuizzes(path.join(root, 'quizzes'), pages.lessons, root, quizWarnings);
  if (pages.lessons.length === 0) {
    throw ContentError.at('modules/', null, 'No pages found: put at least one .md page of the review in modules/.');
  }
  if (!settings.credit) {
    throw ContentError.at(
      SETTINGS_FILE,
      null,
      'This content folder does not say which work the course teaches, so it cannot credit it. Add to course.yaml a "credit:" with ' +
        '"author", "year", "title", "source" (journal, volume, pages) of the review, and its "url" if it is online (see docs/quiz-format.md, "Course settings").',
    );
  }
  // Guidance stages, after import: the importer's HTML is the page as published; these add around it.
  const guide = await guidanceStages(root, pages.lessons);
  const title = settings.title ?? pages.courseTitle;
  const course: Course = {
    id: settings.id ?? slugId(title),
    title,
    description: settings.description || `A short course on ${pages.courseTitle}.`,
    credit: settings.credit,
    // 0 = course.yaml does not set it: estimate from the lessons and quizzes.
    settings: {
      ...settings.settings,
      estimatedMinutes: settings.settings.estimatedMinutes || estimateMinutes(pages.lessons, quizzes),
    },
    lessons: guide.lessons,
    quizzes,
    glossary: guide.glossary,
    version: '',
  };
  course.version = structureHash(course);
  return {
    course,
    assets: pages.assets,
    inputs: [...pages.inputs, ...settings.inputs, ...quizzes.map((q) => path.join(root, 'quizzes', q.file)), ...guide.inputs],
    warnings: [...pages.warnings, ...quizWarnings, ...guide.warnings, ...supportWarnings(course)],
  };
}

/** Outcomes and "In brief" (modules/*.brief.yaml), then glossary terms marked in the lesson HTML. */
async function guidanceStages(root: string, imported: Course['lessons']) {
  const briefs = await loadBriefs(path.join(root, 'modules'), imported, root);
  const glossary = await loadGlossary(root, imported);
  const marked = markGlossary(withGuidance(imported, briefs), glossary);
  return {
    lessons: marked.lessons,
    glossary: glossary.entries,
    warnings: marked.warnings,
    inputs: [...briefs.inputs, ...glossary.inputs],
  };
}

/** A course without the organisation's support details must not ship unnoticed. */
function supportWarnings(course: Course): ContentWarning[] {
  return course.settings.support.configured === false ? [{ file: SETTINGS_FILE, line: null, reason: SUPPORT_MISSING }] : [];
}

/**
 * A SCORM-safe id from a title: `§ The Factors ... - A Review` -> `the_factors_..._a_review`. Two
 * reviews must never share an id in one LMS: a title cut to length, or one with no Latin letters
 * (which slugs to nothing), gets a short hash of the whole title.
 */
export function slugId(text: string): string {
  const slug = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
  const hash = () => createHash('sha256').update(text.normalize('NFC').trim()).digest('hex').slice(0, 8);
  const id = slug.length > 60 ? `${slug.slice(0, 51).replace(/_+$/, '')}_${hash()}` : slug || `course_${hash()}`;
  // Manifest identifiers are xs:ID: no leading digit.
  return /^[0-9]/.test(id) ? `c_${id}` : id;
}

/** Changes when anything suspend_data refers to changes (lesson, quiz, question or option ids). */
function structureHash(course: Course): string {
  const shape = {
    lessons: course.lessons.map((l) => l.id),
    quizzes: course.quizzes.map((q) => ({
      id: q.id,
      questions: q.questions.map((x) => [
        x.id,
        x.type,
        'options' in x ? x.options.map((o) => o.id) : [],
        'items' in x ? x.items.map((o) => o.id) : [],
        'targets' in x ? x.targets.map((o) => o.id) : [],
      ]),
    })),
  };
  return createHash('sha256').update(JSON.stringify(shape)).digest('base64url').slice(0, 8);
}
