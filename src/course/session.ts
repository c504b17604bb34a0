/**
 * What the components may ask of the tracking session, without knowing SCORM:
 * the runtime in `src/scorm/` implements it; the components only read and call this.
 */
import type { Location } from './progress.ts';

export interface Notice {
  /** Stable id, so the same notice is not shown twice. */
  id: string;
  /** `info` is calm background information; `warning` means progress could be lost. */
  level: 'info' | 'warning';
  /** Plain text for the learner: what happened and what to do, kindly, no jargon. */
  text: string;
}

/** What save() and exit() achieved, so the learner is told the truth. */
export interface SaveResult {
  /**
   * The LMS confirmed that it holds the learner's current progress (standalone: this browser kept
   * it). False when a Commit or Finish failed or a core value (e.g. suspend_data) was refused.
   */
  saved: boolean;
  /** A copy of the current progress is kept in this browser, so opening the course here again carries on. */
  inBrowser: boolean;
}

export interface CourseSession {
  /** How progress is kept: an LMS through SCORM 1.2 or 2004, or this browser only. */
  readonly mode: 'scorm12' | 'scorm2004' | 'standalone';
  /**
   * False when the LMS opened the course to look back over it (review or browse mode, or no credit):
   * nothing this visit does is sent to the LMS or kept as progress. Missing: true.
   */
  readonly recording?: boolean;
  /**
   * The learner's name as the LMS gives it, written first name first ("Last, First" turned round),
   * for the printed record; '' when there is no LMS or it gives no name.
   */
  readonly learnerName?: string;
  /** The bookmark of an earlier session, when its progress was restored ("continue where you left off"). */
  readonly resumeLocation: Location | null;
  /** Notices to show now (e.g. "saved in this browser only"). */
  notices(): Notice[];
  /** Told whenever the notices change; returns an unsubscribe function. */
  onNotices(listener: (notices: Notice[]) => void): () => void;
  /** Save now (commit) without ending the session: used by "Take a break". Resolves when the LMS answered. */
  save(): Promise<SaveResult>;
  /**
   * Save and end the session (Finish/Terminate, exactly once): "Save and exit". Safe to call twice
   * (the second call reports the first one's result).
   */
  exit(): Promise<SaveResult>;
  /** True once exit() has run: the LMS will not take more data in this launch. */
  readonly ended: boolean;
}
