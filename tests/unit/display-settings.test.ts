/**
 * Display settings kept with progress: the store action, the optional suspend_data field (old data
 * without it still decodes; every combination round-trips in one character), and the two-window merge.
 */
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_DISPLAY,
  LINE_SPACINGS,
  ProgressStore,
  TEXT_SIZES,
  THEMES,
  initialState,
  type DisplaySettings,
} from '../../src/course/progress.ts';
import { mergeProgress } from '../../src/course/progress-merge.ts';
import { decodeSuspend, encodeSuspend } from '../../src/scorm/suspend-codec.ts';
import { fixtureCourse } from '../helpers/course-fixture.ts';

const course = fixtureCourse();

const every: DisplaySettings[] = TEXT_SIZES.flatMap((textSize) =>
  LINE_SPACINGS.flatMap((lineSpacing) => THEMES.map((theme) => ({ textSize, lineSpacing, theme }))),
);

describe('display settings', () => {
  it('round-trip through suspend_data, each combination in at most one more character', () => {
    const plain = encodeSuspend(course, initialState(course), 5);
    expect(every).toHaveLength(18);
    for (const display of every) {
      const state = { ...initialState(course), display };
      const text = encodeSuspend(course, state, 5);
      expect(text.length).toBeLessThanOrEqual(plain.length + 1);
      expect(decodeSuspend(course, text)).toEqual({ ok: true, seq: 5, state });
    }
  });

  it('are optional: data written without them decodes with none (backward compatible)', () => {
    const state = initialState(course);
    const back = decodeSuspend(course, encodeSuspend(course, state, 2));
    expect(back).toEqual({ ok: true, seq: 2, state });
    expect(back.ok && 'display' in back.state).toBe(false);
  });

  it('are set by the store with their own reason, and survive a course reset', () => {
    const store = new ProgressStore(course);
    const reasons: string[] = [];
    store.subscribe((_s, d) => reasons.push(d.reason));
    const dark: DisplaySettings = { ...DEFAULT_DISPLAY, theme: 'dark', textSize: 'larger' };
    store.setDisplay(dark);
    expect(store.get().display).toEqual(dark);
    expect(reasons).toEqual(['display']);
    store.reset();
    expect(store.get().display).toEqual(dark);
  });

  it('are kept by the two-window merge', () => {
    const wide: DisplaySettings = { ...DEFAULT_DISPLAY, lineSpacing: 'wide' };
    const mine = { ...initialState(course), display: wide };
    const theirs = { ...initialState(course), lessonsRead: [course.lessons[0].id] };
    expect(mergeProgress(mine, theirs).display).toEqual(wide);
    expect(mergeProgress(initialState(course), { ...theirs, display: wide }).display).toEqual(wide);
  });
});
