/**
 * What the side panel shows, computed from a CMI tree (scorm-again's JSON form, the same shape the
 * server stores): the figures a Moodle manager reads in the SCORM reports. Pure: no DOM, no API.
 */

export type Version = '1.2' | '2004';

/** Moodle's standard-conformant limits (moodle-facts.md): design for these, not the relaxed ones. */
export const LIMITS = {
  '1.2': { suspendData: 4096, location: 255 },
  '2004': { suspendData: 64000, location: 1000 },
} as const;

/** Moodle refuses interaction ids (and choice/matching/sequencing response ids) outside this. */
export const MOODLE_ID = /^[\w.]{1,250}$/;

export interface Figures {
  version: Version;
  /** 1.2 only: cmi.core.lesson_status, the one status field SCORM 1.2 has. */
  lessonStatus: string | null;
  /** completed / incomplete / not attempted / unknown ... (1.2: derived from lesson_status). */
  completion: string;
  /** passed / failed / unknown (1.2: derived from lesson_status). */
  success: string;
  scoreRaw: string;
  scoreMin: string;
  scoreMax: string;
  /** 2004 only. */
  scoreScaled: string | null;
  /** What Moodle's gradebook would show with the default maximum grade of 100. */
  grade: string;
  location: string;
  locationLimit: number;
  suspendDataLength: number;
  suspendDataLimit: number;
  sessionTime: string;
  totalTime: string;
  entry: string;
  exit: string;
}

export interface ObjectiveRow {
  index: number;
  id: string;
  /** 1.2: status; 2004: success_status. */
  success: string;
  /** 2004 only: completion_status. */
  completion: string | null;
  score: string;
}

export interface InteractionRow {
  index: number;
  id: string;
  type: string;
  response: string;
  correct: string;
  result: string;
  time: string;
  latency: string;
  weighting: string;
  /** Why Moodle would refuse this interaction, or null. */
  problem: string | null;
}

/**
 * A CMI tree as scorm-again renders it to JSON: nested objects of strings, keyed by element names and
 * list indexes; its shape depends on the SCORM version and on what the SCO set, so it stays untyped.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type CmiTree = Record<string, any>;
type Tree = CmiTree;

const str = (v: unknown): string => (v === undefined || v === null ? '' : String(v));

/** scorm-again renders lists as objects keyed "0", "1", ...; accept arrays too. */
export function listOf(v: unknown): Tree[] {
  if (Array.isArray(v)) return v as Tree[];
  if (v && typeof v === 'object') {
    return Object.keys(v)
      .filter((k) => /^\d+$/.test(k))
      .sort((a, b) => Number(a) - Number(b))
      .map((k) => (v as Tree)[k] as Tree);
  }
  return [];
}

export function figuresFrom(version: Version, cmi: Tree): Figures {
  const limits = LIMITS[version];
  if (version === '1.2') {
    const core: Tree = cmi.core ?? {};
    const status = str(core.lesson_status);
    const score: Tree = core.score ?? {};
    return {
      version,
      lessonStatus: status,
      // SCORM 1.2 has one field for both: "passed" and "failed" also mean the learner finished.
      completion: status === 'passed' || status === 'failed' ? 'completed' : status,
      success: status === 'passed' || status === 'failed' ? status : 'unknown',
      scoreRaw: str(score.raw),
      scoreMin: str(score.min),
      scoreMax: str(score.max),
      scoreScaled: null,
      grade: gradeFrom(str(score.raw), null),
      location: str(core.lesson_location),
      locationLimit: limits.location,
      suspendDataLength: str(cmi.suspend_data).length,
      suspendDataLimit: limits.suspendData,
      sessionTime: str(core.session_time),
      totalTime: str(core.total_time),
      entry: str(core.entry),
      exit: str(core.exit),
    };
  }
  const score: Tree = cmi.score ?? {};
  return {
    version,
    lessonStatus: null,
    completion: str(cmi.completion_status),
    success: str(cmi.success_status),
    scoreRaw: str(score.raw),
    scoreMin: str(score.min),
    scoreMax: str(score.max),
    scoreScaled: str(score.scaled),
    grade: gradeFrom(str(score.raw), str(score.scaled)),
    location: str(cmi.location),
    locationLimit: limits.location,
    suspendDataLength: str(cmi.suspend_data).length,
    suspendDataLimit: limits.suspendData,
    sessionTime: str(cmi.session_time),
    totalTime: str(cmi.total_time),
    entry: str(cmi.entry),
    exit: str(cmi.exit),
  };
}

/** Moodle grades from score.raw alone, against the activity's maximum grade (100 by default). */
function gradeFrom(raw: string, scaled: string | null): string {
  if (raw !== '') return `${raw} / 100`;
  if (scaled) return 'none: only score.scaled is set, and Moodle grades from score.raw';
  return 'none: score.raw is not set';
}

export function objectivesFrom(version: Version, cmi: Tree): ObjectiveRow[] {
  return listOf(cmi.objectives).map((o, index) => {
    const score: Tree = o.score ?? {};
    const parts = [score.raw !== undefined && score.raw !== '' ? `raw ${score.raw}` : '', score.scaled ? `scaled ${score.scaled}` : ''].filter(Boolean);
    return {
      index,
      id: str(o.id),
      success: version === '1.2' ? str(o.status) : str(o.success_status),
      completion: version === '1.2' ? null : str(o.completion_status),
      score: parts.join(', '),
    };
  });
}

export function interactionsFrom(version: Version, cmi: Tree): InteractionRow[] {
  return listOf(cmi.interactions).map((i, index) => {
    const type = str(i.type);
    const response = version === '1.2' ? str(i.student_response) : str(i.learner_response);
    const correct = listOf(i.correct_responses).map((c) => str(c.pattern));
    return {
      index,
      id: str(i.id),
      type,
      response,
      correct: correct.join(' | '),
      result: str(i.result),
      time: version === '1.2' ? str(i.time) : str(i.timestamp),
      latency: str(i.latency),
      weighting: str(i.weighting),
      problem: interactionProblem(version, str(i.id), type, [response, ...correct]),
    };
  });
}

/** The checks Moodle makes when it stores an interaction (moodle-facts.md). */
export function interactionProblem(version: Version, id: string, type: string, patterns: string[]): string | null {
  if (!MOODLE_ID.test(id)) return `Moodle refuses the id ${JSON.stringify(id)}: use only letters, digits, "_" and "." (at most 250).`;
  const ids = responseIds(version, type, patterns);
  const bad = ids.find((x) => !MOODLE_ID.test(x));
  if (bad !== undefined) return `Moodle refuses the response id ${JSON.stringify(bad)}: use only letters, digits, "_" and ".".`;
  return null;
}

function responseIds(version: Version, type: string, patterns: string[]): string[] {
  const nonEmpty = patterns.filter((p) => p !== '');
  if (version === '2004') {
    if (type === 'choice' || type === 'sequencing') return nonEmpty.flatMap((p) => p.split('[,]'));
    if (type === 'matching') return nonEmpty.flatMap((p) => p.split('[,]').flatMap((pair) => pair.split('[.]')));
    return [];
  }
  // SCORM 1.2 matching uses "." inside its pairs, so only choice and sequencing can be checked.
  if (type === 'choice' || type === 'sequencing') return nonEmpty.flatMap((p) => p.replace(/^\{|\}$/g, '').split(','));
  return [];
}

/** "PT1H2M3.5S" or "0001:02:03.50" -> "1 h 2 min 3.5 s"; "" when empty or unreadable. */
export function readableDuration(value: string): string {
  const iso = /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/.exec(value);
  const clock = /^(\d{2,4}):(\d{2}):(\d{2}(?:\.\d{1,2})?)$/.exec(value);
  let total: number;
  if (iso && value !== 'P' && value !== 'PT') {
    const [, y, mo, d, hh, mm, ss] = iso;
    const hours = Number(d ?? 0) * 24 + Number(y ?? 0) * 8760 + Number(mo ?? 0) * 730 + Number(hh ?? 0);
    total = hours * 3600 + Number(mm ?? 0) * 60 + Number(ss ?? 0);
  } else if (clock) {
    total = Number(clock[1]) * 3600 + Number(clock[2]) * 60 + Number(clock[3]);
  } else {
    return '';
  }
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = Math.round((total % 60) * 100) / 100;
  const parts = [h ? `${h} h` : '', m ? `${m} min` : '', `${s} s`].filter(Boolean);
  return parts.join(' ');
}

/** The stored CMI a launch starts from: what Moodle gives back, minus this-session-only fields. */
/**
 * The data model a launch hands the SCO. `review`: as Moodle re-enters a finished attempt (measured,
 * moodle-facts.md): SCORM 1.2 `lesson_mode` review, entry "" and the stored model; SCORM 2004 `mode`
 * review, entry ab-initio and an empty model, in the same attempt (what the SCO then writes is stored).
 */
export function launchCmi(
  version: Version,
  stored: Tree | null,
  learner: { id: string; name: string },
  passMark: number | null,
  options: { review?: boolean } = {},
): Tree {
  const review = options.review === true;
  const emptyReview = review && version === '2004';
  const cmi: Tree = stored && !emptyReview ? structuredClone(stored) : {};
  const resume = stored !== null && (str(cmi.suspend_data) !== '' || exitOf(version, cmi) === 'suspend');
  // entry: "ab-initio" on the first launch, "resume" after a suspended one, "" otherwise (RTE 3.4.2.1.6 / 4.2.8).
  const entry = stored === null || emptyReview ? 'ab-initio' : review ? '' : resume ? 'resume' : '';
  const mode = review ? 'review' : 'normal';
  if (version === '1.2') {
    const core: Tree = (cmi.core ??= {});
    delete core.session_time;
    delete core.exit;
    core.entry = entry;
    core.student_id = learner.id;
    core.student_name = learner.name;
    core.credit = 'credit';
    core.lesson_mode = mode;
    // What an LMS gives on the first launch (RTE 3.4.2.1.13); scorm-again would leave it empty.
    if (!core.total_time) core.total_time = '0000:00:00';
    if (passMark !== null) (cmi.student_data ??= {}).mastery_score = String(passMark);
  } else {
    delete cmi.session_time;
    delete cmi.exit;
    cmi.entry = entry;
    cmi.learner_id = learner.id;
    cmi.learner_name = learner.name;
    cmi.credit = 'credit';
    cmi.mode = mode;
    if (passMark !== null) cmi.scaled_passing_score = String(Math.round(passMark) / 100);
  }
  return cmi;
}

function exitOf(version: Version, cmi: Tree): string {
  return version === '1.2' ? str(cmi.core?.exit) : str(cmi.exit);
}
