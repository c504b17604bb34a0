/**
 * SCORM 1.2 dialect.
 *
 * Status: Moodle recomputes cmi.core.lesson_status at LMSFinish from score.raw and the manifest's
 * masteryscore (mod/scorm/datamodels/scorm_12.js, StoreData). So a raw score is only ever sent
 * together with a status that agrees with it: nothing before the course is complete (else an
 * `incomplete` course would turn into `passed`), then passed/failed by raw >= mastery (the pass mark).
 */
import type { CourseStatus } from '../course/progress.ts';
import type { Dialect, Pair } from './adapter.ts';
import type { LessonObjective } from './cmi-mapping.ts';
import { response12, type InteractionRecord } from './interactions.ts';
import { completionBelow, floor12, NO_FLOOR, successBelow, type StatusFloor } from './status-floor.ts';
import { clock12, decimal, timespan12 } from './time.ts';

function lessonStatus(s: CourseStatus): string {
  if (!s.completed) return 'incomplete';
  if (s.quizzesTotal === 0 || s.score === null) return 'completed';
  return s.success === 'passed' ? 'passed' : 'failed';
}

const score = (prefix: string, raw: number): Pair[] => [
  [`${prefix}.score.raw`, decimal(raw)],
  [`${prefix}.score.min`, '0'],
  [`${prefix}.score.max`, '100'],
];

/**
 * A status element (`cmi.core.lesson_status`, or `cmi.objectives.n.status` for a lesson) with the
 * raw score that goes with it, or nothing when the status would go below the floor: one element
 * carries both completion and success, so below in either, send neither (nor the score, from which
 * Moodle would recompute the course status at LMSFinish). Score first: if the LMS rejects it, the
 * status still agrees with what it holds.
 */
function statusGroup(prefix: string, element: string, status: string, raw: number | null, floor: StatusFloor): Pair[][] {
  const meant = floor12(status);
  if (completionBelow(meant, floor) || successBelow(meant, floor)) return [];
  return [...(raw !== null ? [score(prefix, raw)] : []), [[element, status]]];
}

export const scorm12: Dialect = {
  version: '1.2',
  mode: 'scorm12',
  api: {
    initialize: 'LMSInitialize',
    finish: 'LMSFinish',
    getValue: 'LMSGetValue',
    setValue: 'LMSSetValue',
    commit: 'LMSCommit',
    getLastError: 'LMSGetLastError',
    getErrorString: 'LMSGetErrorString',
    getDiagnostic: 'LMSGetDiagnostic',
  },
  el: {
    entry: 'cmi.core.entry',
    mode: 'cmi.core.lesson_mode',
    credit: 'cmi.core.credit',
    location: 'cmi.core.lesson_location',
    suspend: 'cmi.suspend_data',
    exit: 'cmi.core.exit',
    sessionTime: 'cmi.core.session_time',
    learnerId: 'cmi.core.student_id',
    learnerName: 'cmi.core.student_name',
    objectivesCount: 'cmi.objectives._count',
    interactionsCount: 'cmi.interactions._count',
    totalTime: 'cmi.core.total_time',
  },
  limits: { location: 255, suspend: 4096 },

  status(s, floor = NO_FLOOR) {
    const status = lessonStatus(s);
    const raw = status === 'passed' || status === 'failed' ? s.score : null;
    return statusGroup('cmi.core', 'cmi.core.lesson_status', status, raw, floor);
  },

  readFloor: (get, objective) => floor12(get(objective === undefined ? 'cmi.core.lesson_status' : `cmi.objectives.${objective}.status`)),
  // 1.2 answers "" for values never set; only a first launch has nothing stored.
  hasData: (entry) => entry !== 'ab-initio',

  exit: (completed) => (completed ? '' : 'suspend'),
  sessionTime: timespan12,

  objective(n, o: LessonObjective, floor = NO_FLOOR) {
    const p = `cmi.objectives.${n}`;
    const status = o.success !== 'unknown' ? o.success : o.completed ? 'completed' : 'incomplete';
    return [[`${p}.id`, o.id], ...statusGroup(p, `${p}.status`, status, o.score, floor).flat()];
  },

  interaction(n, r: InteractionRecord) {
    const p = `cmi.interactions.${n}`;
    const pairs: Pair[] = [
      [`${p}.id`, r.id],
      [`${p}.type`, r.type],
      [`${p}.time`, clock12(r.at)],
      [`${p}.weighting`, decimal(Math.min(100, Math.max(-100, r.weight)))],
    ];
    const learner = response12(r.learner, r.order);
    if (learner !== null) pairs.push([`${p}.student_response`, learner]);
    const correct = response12(r.correct, r.order);
    if (correct !== null) pairs.push([`${p}.correct_responses.0.pattern`, correct]);
    pairs.push([`${p}.result`, r.isCorrect ? 'correct' : 'wrong'], [`${p}.latency`, timespan12(r.latencyMs)]);
    return pairs;
  },
};
