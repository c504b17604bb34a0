import { describe, expect, it } from 'vitest';
import { readableName } from '../../src/scorm/learner-name.ts';

describe('readableName: the LMS\u2019s learner name, for people to read', () => {
  it('turns "Last, First" round (SCORM 1.2\u2019s form, and Moodle\u2019s in both versions)', () => {
    expect(readableName('Smith, Jo')).toBe('Jo Smith');
    expect(readableName('  de la Cruz ,  María José ')).toBe('María José de la Cruz');
  });
  it('keeps any other form as the LMS gave it, never guessing', () => {
    expect(readableName('Jo Smith')).toBe('Jo Smith');
    expect(readableName('Smith, Jo, Dr')).toBe('Smith, Jo, Dr');
    expect(readableName('Smith,')).toBe('Smith');
    expect(readableName(', Jo')).toBe('Jo');
  });
  it('no name: an empty string', () => {
    expect(readableName('')).toBe('');
    expect(readableName(null)).toBe('');
    expect(readableName('   ')).toBe('');
  });
});
