/**
 * Small hand-made courses for runtime tests: `fixtureCourse()` has 2 lessons and 2 quizzes that
 * cover all 5 question types; `largeCourse()` is a generated, bigger-than-planned course for the
 * suspend_data worst case.
 */
import type { Choice, Course, Feedback, Lesson, Question, Quiz, QuizSettings } from '../../src/course/types.ts';
import { TEST_CREDIT, testSettings } from './course-defaults.ts';

const feedback: Feedback = { correctHtml: 'Right.', incorrectHtml: 'Not quite.', partialHtml: 'Partly right.' };
const choice = (id: string, text = id): Choice => ({ id, html: text, text });

function lesson(id: string, title: string, navOrder: number, passages: number): Lesson {
  const passageIds = Array.from({ length: passages }, (_, i) => `${id}-p${i + 1}`);
  return {
    id,
    file: `${id.replace(/_/g, '-')}.md`,
    title,
    navOrder,
    headingId: `${id}-title`,
    html: passageIds.map((p) => `<p id="${p}">Text.</p>`).join(''),
    toc: [],
    footnotes: [],
    passageIds,
    minutes: 5,
    words: 900,
  };
}

const settings = (over: Partial<QuizSettings> = {}): QuizSettings => ({
  passMark: 80,
  attempts: 0,
  shuffleQuestions: false,
  shuffleOptions: true,
  pool: null,
  retryWrongOnly: true,
  ...over,
});

function base(id: string, prompt: string, source: string) {
  return { id, promptHtml: prompt, promptText: prompt, feedback, source, weight: 1 };
}

export function fixtureCourse(): Course {
  const lessons = [lesson('01_background', 'Theoretical background', 10, 4), lesson('02_discussion', 'Discussion', 20, 3)];
  const quizIntro: Quiz = {
    id: 'quiz_background',
    file: 'background.yaml',
    title: 'Check your understanding: background',
    introHtml: '<p>Three questions.</p>',
    lessonId: '01_background',
    settings: settings(),
    questions: [
      {
        ...base('q_model', 'Which model describes exit as a process of stages?', '01_background-p1'),
        type: 'single',
        options: [choice('stages', 'The Stage of Change Model'), choice('role', 'The Role Exit Model'), choice('none', 'Neither')],
        correct: 'stages',
      },
      {
        ...base('q_levels', 'Which levels did the review group its factors into? Choose all that apply.', '01_background-p2'),
        type: 'multiple',
        options: [choice('individual'), choice('relational'), choice('structural'), choice('spiritual')],
        correct: ['individual', 'relational', 'structural'],
      },
      {
        ...base('q_linear', 'True or false: leaving is usually a single, sudden event.', '01_background-p3'),
        type: 'truefalse',
        correct: false,
      },
    ],
  };
  const quizDiscussion: Quiz = {
    id: 'quiz_discussion',
    file: 'discussion.yaml',
    title: 'Check your understanding: discussion',
    introHtml: '<p>Two questions.</p>',
    lessonId: '02_discussion',
    settings: settings({ passMark: 75 }),
    questions: [
      {
        ...base('q_roles', 'Match each factor to the kind of role it had in the review.', '02_discussion-p1'),
        type: 'matching',
        items: [choice('family', 'Family'), choice('religion', 'Religious organisations'), choice('services', 'Support services')],
        targets: [choice('ambiguous', 'Ambiguous'), choice('helps', 'Helps exit'), choice('hinders', 'Hinders exit')],
        correct: { family: 'ambiguous', religion: 'ambiguous', services: 'helps' },
      },
      {
        ...base('q_steps', 'Put the steps of rebuilding in the order the discussion gives them.', '02_discussion-p2'),
        type: 'ordering',
        options: [choice('self_esteem', 'Self-esteem'), choice('trust', 'Trust'), choice('control', 'Control'), choice('helping', 'Helping others')],
        correct: ['self_esteem', 'trust', 'control', 'helping'],
      },
    ],
  };
  return {
    id: 'exit_review_fixture',
    title: 'The Factors Involved in the Exit from Sex Trafficking',
    description: 'A fixture course for tests.',
    credit: TEST_CREDIT,
    settings: testSettings({ advisoryHtml: '<p>Advisory.</p>', support: { heading: 'Support', html: '<p>Support.</p>' } }),
    lessons,
    quizzes: [quizIntro, quizDiscussion],
    version: 'fixture-v1',
  };
}

/** A course with `lessons` lessons, one quiz each with `perQuiz` questions cycling through the types. */
export function largeCourse(lessons = 8, perQuiz = 10, options = 6): Course {
  const course = fixtureCourse();
  const ids = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}_${i + 1}_long_identifier_text`);
  course.lessons = Array.from({ length: lessons }, (_, i) => lesson(`${String(i + 1).padStart(2, '0')}_lesson_with_a_long_name`, `Lesson ${i + 1}`, i, 60));
  course.quizzes = course.lessons.map((l, qi) => ({
    id: `quiz_${qi + 1}_about_${l.id}`,
    file: `quiz-${qi + 1}.yaml`,
    title: `Quiz ${qi + 1}`,
    introHtml: '',
    lessonId: l.id,
    settings: settings({ shuffleQuestions: true }),
    questions: Array.from({ length: perQuiz }, (_, n): Question => {
      const b = base(`question_${n + 1}_with_a_long_identifier`, `Prompt ${n + 1} `.repeat(40), l.passageIds[0]);
      const opts = ids('option', options).map((id) => choice(id));
      switch (n % 5) {
        case 0:
          return { ...b, type: 'single', options: opts, correct: opts[0].id };
        case 1:
          return { ...b, type: 'multiple', options: opts, correct: opts.slice(0, 3).map((o) => o.id) };
        case 2:
          return { ...b, type: 'truefalse', correct: true };
        case 3: {
          const targets = ids('target', options).map((id) => choice(id));
          return {
            ...b,
            type: 'matching',
            items: opts,
            targets,
            correct: Object.fromEntries(opts.map((o, i) => [o.id, targets[i].id])),
          };
        }
        default:
          return { ...b, type: 'ordering', options: opts, correct: opts.map((o) => o.id) };
      }
    }),
  }));
  course.version = `large-${lessons}-${perQuiz}-${options}`;
  return course;
}
