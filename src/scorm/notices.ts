/**
 * What the learner is told about saving, in plain and calm words. `warning` only when progress
 * could be lost; everything else is `info`.
 */
import type { Notice } from '../course/session.ts';

export const NOTICES = {
  standalone: {
    id: 'standalone',
    level: 'info',
    text: 'This course is not connected to a learning system, so your progress is saved in this browser only.',
  },
  lmsUnavailable: {
    id: 'lms-unavailable',
    level: 'warning',
    text:
      'We could not connect to your learning system, so your progress is saved in this browser only and your ' +
      'completion may not be recorded. You can close the course and open it again to try once more.',
  },
  noStorage: {
    id: 'no-storage',
    level: 'warning',
    text: 'This browser is not letting the course save anything, so your progress will be lost when you close this page.',
  },
  restoreFailed: {
    id: 'restore-failed',
    level: 'info',
    text: 'We could not restore your earlier progress, so the course starts from the beginning.',
  },
  restoredFromBrowser: {
    id: 'restored-from-browser',
    level: 'info',
    text: 'We restored progress saved in this browser that had not yet reached your learning system.',
  },
  saveFailed: {
    id: 'save-failed',
    level: 'warning',
    text:
      'Your progress could not be sent to your learning system just now. It is kept in this browser and we will ' +
      'try again as you go. If you see this again, please tell your learning team.',
  },
  exitFailed: {
    id: 'exit-failed',
    level: 'warning',
    text:
      'Your learning system did not confirm that it saved your progress. It is kept in this browser: open the ' +
      'course again on this device to carry on. If this keeps happening, please tell your learning team.',
  },
  tooMuchData: {
    id: 'too-much-data',
    level: 'warning',
    text:
      'Your learning system cannot take all of your progress details, so some may not be kept. Your answers so ' +
      'far are saved in this browser. Please tell your learning team.',
  },
  openElsewhere: {
    id: 'open-elsewhere',
    level: 'info',
    text: 'This course is also open in another window. What you do in either is kept together, but it is easiest to use just one.',
  },
  review: {
    id: 'review',
    level: 'info',
    text: 'You are looking back over this course; nothing you do now changes your record.',
  },
  reviewNew: {
    id: 'review',
    level: 'info',
    text:
      'You are looking back over this course; nothing you do now changes your record. Your learning system did not ' +
      'pass on your earlier answers, so the course is shown as new, and this visit is not recorded.',
  },
  sessionEnded: {
    id: 'session-ended',
    level: 'info',
    // The close's Finish goes out as the page leaves and is never confirmed (an expired LMS session
    // drops it): say only what is certain.
    text:
      'This course was closed when you left; your progress is kept in this browser. To carry on, please close this ' +
      'course and open it again.',
  },
} as const satisfies Record<string, Notice>;

export class NoticeBoard {
  private list: Notice[] = [];
  private readonly listeners = new Set<(notices: Notice[]) => void>();

  all(): Notice[] {
    return this.list.slice();
  }

  add(notice: Notice): void {
    if (this.list.some((n) => n.id === notice.id)) return;
    this.list = [...this.list, notice];
    this.emit();
  }

  remove(id: string): void {
    if (!this.list.some((n) => n.id === id)) return;
    this.list = this.list.filter((n) => n.id !== id);
    this.emit();
  }

  subscribe(listener: (notices: Notice[]) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit(): void {
    const copy = this.all();
    for (const l of this.listeners) l(copy);
  }
}
