/** Defaults shared by the hand-made Course objects of the tests, so each fixture states only what it is about. */
import type { Course } from '../../src/course/types.ts';

export const TEST_CREDIT: Course['credit'] = {
  author: 'Chiara Ferrari',
  year: 2021,
  title: 'The Factors Involved in the Exit from Sex Trafficking: A Review',
  source: "Journal of International Women's Studies, 22(5), article 13, pp. 195-209",
  url: 'https://vc.bridgew.edu/jiws/vol22/iss5/13',
};

export function testSettings(over: Partial<Course['settings']> = {}): Course['settings'] {
  return {
    completion: { lessons: 'all', quizzes: 'all-submitted' },
    passMark: 80,
    advisoryHtml: '',
    support: { heading: 'Support', html: '' },
    estimatedMinutes: 30,
    language: 'en',
    ...over,
  };
}
