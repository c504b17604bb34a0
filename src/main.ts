/**
 * Browser entry: course data -> progress store -> tracking session (SCORM or standalone) -> components.
 */
import course from 'virtual:course';
import { ProgressStore } from './course/progress.ts';
import { startSession } from './scorm/runtime.ts';
import './components/course-app/course-app.ts';

function scormVersion(): '1.2' | '2004' | 'auto' {
  const v = document.querySelector<HTMLMetaElement>('meta[name="scorm-version"]')?.content;
  return v === '1.2' || v === '2004' ? v : 'auto';
}

async function main(): Promise<void> {
  const store = new ProgressStore(course);
  // The session restores progress into the store before the first view renders.
  const session = await startSession(course, store, { version: scormVersion() });
  const app = document.querySelector('course-app') ?? document.body.appendChild(document.createElement('course-app'));
  app.course = course;
  app.store = store;
  app.session = session;
  // Ready means the first view is drawn and interactive, not merely handed its data.
  await app.updateComplete;
  performance.mark('course-ready');
}

main().catch((err: unknown) => {
  // Never a blank screen: say what happened in plain words.
  console.error(err);
  const p = document.createElement('p');
  p.setAttribute('role', 'alert');
  p.textContent = 'Sorry, the course could not start. Please close this window and open the course again. If it keeps happening, tell your learning team.';
  document.body.replaceChildren(p);
});
