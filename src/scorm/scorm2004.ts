/**
 * SCORM 2004 (3rd/4th edition) dialect.
 *
 * Moodle grades from cmi.score.raw only (a SCO that sets only score.scaled gets 0), so raw is
 * always sent with scaled. cmi.progress_measure is deliberately not sent: with a manifest
 * completionThreshold, Moodle would recompute completion_status from it at Terminate and could
 * contradict the course's own completion rule.
 */
import type { Dialect, Pair } from './adapter.ts';
import type { LessonObjective } from './cmi-mapping.ts';
import { description, response2004, type InteractionRecord } from './interactions.ts';
import { completionBelow, floor2004, NO_FLOOR, successBelow, type Standing, type StatusFloor } from './status-floor.ts';
import { decimal, duration2004, timestamp2004 } from './time.ts';

const score = (prefix: string, raw: number): Pair[] => [
  [`${prefix}.score.scaled`, decimal(Math.min(1, Math.max(-1, raw / 100)), 4)],
  [`${prefix}.score.raw`, decimal(raw)],
  [`${prefix}.score.min`, '0'],
  [`${prefix}.score.max`, '100'],
];

/**
 * Score, completion and success at `prefix` (`cmi`, or `cmi.objectives.n` for a lesson): a group
 * that would go below the floor is left out (the score goes with the success status).
 */
function statusGroups(prefix: string, s: Standing & { score: number | null }, floor: StatusFloor): Pair[][] {
  const groups: Pair[][] = [];
  const successDown = successBelow(s, floor);
  if (s.score !== null && !successDown) groups.push(score(prefix, s.score));
  if (!completionBelow(s, floor)) groups.push([[`${prefix}.completion_status`, s.completed ? 'completed' : 'incomplete']]);
  if (!successDown) groups.push([[`${prefix}.success_status`, s.success]]);
  return groups;
}

export const scorm2004: Dialect = {
  version: '2004',
  mode: 'scorm2004',
  api: {
    initialize: 'Initialize',
    finish: 'Terminate',
    getValue: 'GetValue',
    setValue: 'SetValue',
    commit: 'Commit',
    getLastError: 'GetLastError',
    getErrorString: 'GetErrorString',
    getDiagnostic: 'GetDiagnostic',
  },
  el: {
    entry: 'cmi.entry',
    mode: 'cmi.mode',
    credit: 'cmi.credit',
    location: 'cmi.location',
    suspend: 'cmi.suspend_data',
    exit: 'cmi.exit',
    sessionTime: 'cmi.session_time',
    learnerId: 'cmi.learner_id',
    learnerName: 'cmi.learner_name',
    objectivesCount: 'cmi.objectives._count',
    interactionsCount: 'cmi.interactions._count',
    totalTime: 'cmi.total_time',
  },
  limits: { location: 1000, suspend: 64000 },

  status: (s, floor = NO_FLOOR) => statusGroups('cmi', s, floor),

  readFloor(get, objective) {
    const p = objective === undefined ? 'cmi' : `cmi.objectives.${objective}`;
    return floor2004(get(`${p}.completion_status`), get(`${p}.success_status`));
  },
  // Only a resumed attempt has a location and suspend_data: reading them otherwise is error 403
  // ("not initialized"), which the LMS logs on every first launch.
  hasData: (entry, lookingBack) => entry === 'resume' || (lookingBack && entry === ''),

  exit: (completed) => (completed ? 'normal' : 'suspend'),
  sessionTime: duration2004,

  objective(n, o: LessonObjective, floor = NO_FLOOR) {
    const p = `cmi.objectives.${n}`;
    return [
      [`${p}.id`, o.id],
      // The Objectives report then names the lesson, not only its id (SPM: 250 characters).
      ...(o.title ? [[`${p}.description`, description(o.title)] as Pair] : []),
      ...statusGroups(p, o, floor).flat(),
    ];
  },

  interaction(n, r: InteractionRecord) {
    const p = `cmi.interactions.${n}`;
    const pairs: Pair[] = [
      [`${p}.id`, r.id],
      [`${p}.type`, r.type],
      [`${p}.timestamp`, timestamp2004(r.at)],
      [`${p}.weighting`, decimal(r.weight)],
    ];
    const learner = response2004(r.learner, r.type);
    if (learner !== null) pairs.push([`${p}.learner_response`, learner]);
    const correct = response2004(r.correct, r.type);
    if (correct !== null) pairs.push([`${p}.correct_responses.0.pattern`, correct]);
    pairs.push(
      [`${p}.result`, r.isCorrect ? 'correct' : 'incorrect'],
      [`${p}.latency`, duration2004(r.latencyMs)],
    );
    if (r.description) pairs.push([`${p}.description`, r.description]);
    return pairs;
  },
};
