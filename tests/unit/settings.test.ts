import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Lesson, Quiz } from '../../src/course/types.ts';
import { ContentError } from '../../src/content/errors.ts';
import { estimateMinutes, loadSettings, parseSettings } from '../../src/content/settings.ts';
import { citation } from '../../src/package/manifest.ts';
import { fixtureCourse } from '../helpers/course-fixture.ts';

const ROOT = path.join(import.meta.dirname, '../..');

function problems(text: string) {
  try {
    parseSettings(text);
  } catch (err) {
    expect(err).toBeInstanceOf(ContentError);
    return (err as ContentError).problems.map((p) => `${p.file}:${p.line}: ${p.reason}`);
  }
  throw new Error('expected a ContentError');
}

describe('course settings: defaults', () => {
  it('a content folder without course.yaml gets neutral defaults', async () => {
    const loaded = await loadSettings(path.join(ROOT, 'tests/fixtures/quizzes'));
    expect(loaded.inputs).toEqual([]);
    expect(loaded.id).toBeUndefined();
    expect(loaded.title).toBeUndefined();
    // No credit is ever assumed: compileCourse stops and says what to add (importer-kramdown.test.ts).
    expect(loaded.credit).toBeNull();
    expect(loaded.settings.passMark).toBe(80);
    expect(loaded.settings.completion).toEqual({ lessons: 'all', quizzes: 'all-submitted' });
    expect(loaded.settings.language).toBe('en');
    expect(loaded.settings.estimatedMinutes).toBe(0); // compileCourse estimates it
    expect(loaded.settings.advisoryHtml).toMatch(/^<p>This course deals with difficult subjects\./);
    expect(loaded.settings.support.heading).toBe('If this brings something up for you');
    // No support set: a humane generic text, never configuration instructions, and flagged for the build's warning.
    expect(loaded.settings.support.configured).toBe(false);
    expect(loaded.settings.support.html).toContain('You can stop at any time');
    expect(loaded.settings.support.html).toContain('line manager');
    expect(loaded.settings.support.html).not.toMatch(/course\.yaml|<code>|organisation can add/);
    expect(loaded.description).toBe('');
    // Quiz rules that measure: 3 attempts, the key only once an attempt is final, new questions on a retry.
    expect(loaded.settings.quiz).toEqual({ attempts: 3, showCorrectAnswers: 'afterFinalAttempt', retry: 'wrongOnly' });
  });

  it('an empty course.yaml is the same as none', () => {
    expect(parseSettings('# only a comment\n')).toEqual(parseSettings(''));
  });
});

describe('course settings: this course', async () => {
  const loaded = await loadSettings(ROOT);

  it('reads course.yaml from the content root', () => {
    expect(loaded.inputs).toEqual([path.join(ROOT, 'course.yaml')]);
  });

  it('overrides the pages\' misspelt title and sets a manifest-safe id', () => {
    expect(loaded.title).toBe('The Factors Involved in the Exit from Sex Trafficking: A Review');
    expect(loaded.id).toMatch(/^[A-Za-z_][A-Za-z0-9_.]*$/);
  });

  it('credits the review in full', () => {
    expect(loaded.credit).toEqual({
      author: 'Chiara Ferrari',
      year: 2021,
      title: 'The Factors Involved in the Exit from Sex Trafficking: A Review',
      source: "Journal of International Women's Studies, 22(5), article 13, pp. 195-209",
      url: 'https://vc.bridgew.edu/jiws/vol22/iss5/13',
    });
  });

  it('has a one-paragraph plain-text description', () => {
    expect(loaded.description.length).toBeGreaterThan(100);
    expect(loaded.description).not.toMatch(/[<>\n]/);
  });

  it('has a calm advisory that says what the course covers and that pausing is fine', () => {
    const html = loaded.settings.advisoryHtml;
    for (const words of [/sexual exploitation/, /trafficking/, /stigma/, /families/, /no graphic/, /pause/i, /progress is kept/]) {
      expect(html).toMatch(words);
    }
  });

  it('ships without support set: the generic humane text, no invented phone number or link, no configuration words', () => {
    expect(loaded.settings.support.configured).toBe(false);
    expect(loaded.settings.support.html).toMatch(/take a break/i);
    expect(loaded.settings.support.html).toMatch(/someone you trust/);
    expect(loaded.settings.support.html).not.toMatch(/\d{3}/);
    expect(loaded.settings.support.html).not.toMatch(/<a /);
    expect(loaded.settings.support.html).not.toMatch(/course\.yaml|organisation can add/i);
  });

  it('a support text in course.yaml replaces the generic one and counts as configured', () => {
    const s = parseSettings('support:\n  heading: Someone to talk to\n  text: Call the staff care line.\n');
    expect(s.settings.support).toEqual({ heading: 'Someone to talk to', html: '<p>Call the staff care line.</p>', configured: true });
  });

  it('sets the quiz rules in course.yaml, the measuring ones', () => {
    expect(loaded.settings.quiz).toEqual({ attempts: 3, showCorrectAnswers: 'afterFinalAttempt', retry: 'wrongOnly' });
  });

  it('reads every quiz rule, "unlimited" attempts included', () => {
    expect(parseSettings('quiz:\n  attempts: unlimited\n  showCorrectAnswers: never\n  retry: all\n').settings.quiz).toEqual({
      attempts: 0,
      showCorrectAnswers: 'never',
      retry: 'all',
    });
    // A rule left out keeps its default.
    expect(parseSettings('quiz:\n  attempts: 1\n').settings.quiz).toEqual({ attempts: 1, showCorrectAnswers: 'afterFinalAttempt', retry: 'wrongOnly' });
    expect(parseSettings('quiz:\n  showCorrectAnswers: afterEachAttempt\n').settings.quiz?.showCorrectAnswers).toBe('afterEachAttempt');
  });

  it('uses pass mark 80 and completion on all lessons and all quizzes submitted', () => {
    expect(loaded.settings.passMark).toBe(80);
    expect(loaded.settings.completion).toEqual({ lessons: 'all', quizzes: 'all-submitted' });
  });
});

describe('course settings: problems name the line and the reason', () => {
  it('unknown keys, with a suggestion', () => {
    expect(problems('title: A course\npassmark: 70\n')).toEqual([
      'course.yaml:2: The course settings: unknown key "passmark". Did you mean "passMark"?',
    ]);
  });

  it('values out of range and of the wrong kind', () => {
    expect(problems('passMark: 101\nestimatedMinutes: 2.5\nlanguage: english language\n')).toEqual([
      'course.yaml:1: The course pass mark "passMark" must be from 0 to 100, but it is 101.',
      'course.yaml:2: The course "estimatedMinutes" must be a whole number 1 or more, but it is 2.5.',
      'course.yaml:3: The course "language" "english language" is not a language tag; write e.g. en, en-GB or fr.',
    ]);
  });

  it('an id the manifest cannot carry', () => {
    expect(problems('id: 1st course\n')).toEqual([
      'course.yaml:1: The course "id" "1st course" cannot be used in a SCORM manifest: start with a letter or "_", then use only letters, digits, "_" and "." (at most 250 characters).',
    ]);
  });

  it('completion rules', () => {
    expect(problems('completion:\n  lessons: some\n  quizzes: all-passsed\n')).toEqual([
      'course.yaml:2: "completion: lessons" "some" is not valid. Use one of: all, none.',
      'course.yaml:3: "completion: quizzes" "all-passsed" is not valid. Use one of: all-submitted, all-passed, none. Did you mean "all-passed"?',
    ]);
  });

  it('quiz rules: attempts, when answers show, what a retry asks, unknown keys', () => {
    expect(problems('title: T\nquiz:\n  attempts: 0\n  showCorrectAnswers: afterFinalAtempt\n  retry: wrong\n  atempts: 2\n')).toEqual([
      'course.yaml:3: "quiz: attempts" must be a whole number from 1 or "unlimited", but it is "0". (0 does not mean unlimited here: write "unlimited".)',
      'course.yaml:4: "quiz: showCorrectAnswers" "afterFinalAtempt" is not valid. Use one of: afterFinalAttempt, afterEachAttempt, never. Did you mean "afterFinalAttempt"?',
      'course.yaml:5: "quiz: retry" "wrong" is not valid. Use one of: wrongOnly, all.',
      'course.yaml:6: The "quiz" rules: unknown key "atempts". Did you mean "attempts"?',
    ]);
    expect(problems('quiz:\n  attempts: 2.5\n')).toEqual(['course.yaml:2: "quiz: attempts" must be a whole number from 1 or "unlimited", but it is "2.5".']);
    expect(problems('quiz:\n  attempts: lots\n')).toEqual(['course.yaml:2: "quiz: attempts" must be a whole number from 1 or "unlimited", but it is "lots".']);
    expect(problems('quiz: 3\n')).toEqual([expect.stringMatching(/^course\.yaml:1: The "quiz" rules/)]);
  });

  it('an incomplete credit and a bad link', () => {
    expect(problems('credit:\n  author: A. Author\n  year: "soon"\n  title: T\n  url: vc.bridgew.edu\n')).toEqual([
      'course.yaml:1: The course "credit": "source" is missing.',
      'course.yaml:3: The credit "year" must be a number, but here it is the text "soon".',
      'course.yaml:5: The credit "url" "vc.bridgew.edu" is not a web address; write it in full, starting with https://, or leave "url" out for a work that is not online.',
    ]);
  });

  it('a print source: author, year, title and source are enough, the url is optional', () => {
    const print = parseSettings('credit:\n  author: B. Writer\n  year: 1998\n  title: A printed report\n  source: Town Press, pp. 1-40\n');
    expect(print.credit).toEqual({ author: 'B. Writer', year: 1998, title: 'A printed report', source: 'Town Press, pp. 1-40' });
    expect(print.credit).not.toHaveProperty('url');
    // A "url:" left blank in a template is no link, not a broken one.
    const blank = parseSettings('credit:\n  author: B. Writer\n  year: 1998\n  title: A printed report\n  source: Town Press\n  url:\n');
    expect(blank.credit).not.toHaveProperty('url');
    // The manifest's credit line (and the question key, which has none) ends with the source: no ", undefined".
    expect(citation({ ...fixtureCourse(), credit: print.credit! })).toBe('B. Writer (1998), "A printed report", Town Press, pp. 1-40');
    expect(problems('credit:\n  author: B. Writer\n  year: 1998\n  title: T\n')).toEqual(['course.yaml:1: The course "credit": "source" is missing.']);
  });

  it('support without text, and text that is empty once sanitised', () => {
    expect(problems('support:\n  heading: Help\nadvisory: "<script>x()</script>"\n')).toEqual([
      'course.yaml:1: The "support" box: "text" is missing.',
      'course.yaml:3: The content "advisory" is empty once unsafe HTML is removed.',
    ]);
  });

  it('YAML syntax errors', () => {
    expect(problems('title: The Factors: A Review\n')).toEqual([
      expect.stringMatching(/^course\.yaml:1: YAML syntax error: a text that contains a colon followed by a space/),
    ]);
  });

  it('renders Markdown in the advisory and support text safely', () => {
    const s = parseSettings('advisory: "Take **breaks**. <img src=x onerror=alert(1)>"\nsupport:\n  text: "[Help](https://example.org)"\n');
    expect(s.settings.advisoryHtml).toContain('<strong>breaks</strong>');
    expect(s.settings.advisoryHtml).not.toContain('onerror');
    expect(s.settings.support.html).toContain('href="https://example.org"');
  });
});

describe('estimated minutes', () => {
  it('adds reading time and about a minute per question asked', () => {
    const lessons = [{ minutes: 4 }, { minutes: 6 }] as Lesson[];
    const quizzes = [
      { settings: { pool: null }, questions: [1, 2, 3] },
      { settings: { pool: 2 }, questions: [1, 2, 3, 4, 5] },
    ] as unknown as Quiz[];
    expect(estimateMinutes(lessons, quizzes)).toBe(15);
    expect(estimateMinutes([], [])).toBe(1);
  });
});
