/**
 * The parent page an LMS would show: scorm-again's Scorm12API / Scorm2004API as `window.API` /
 * `window.API_1484_11`, and the course in an iframe (836x666, the size of Moodle's player frame).
 * Every API call is wrapped and logged in `window.__bench` so the bench can count SetValue calls
 * and commits, and read the CMI data scorm-again would send at each commit.
 */
import type { ScormVersion } from './build.ts';

export function lmsPageHtml(version: ScormVersion): string {
  const lib = version === '1.2' ? 'scorm12.min.js' : 'scorm2004.min.js';
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Bench LMS (SCORM ${version})</title>
<script src="/scorm-again/${lib}"></script>
<script src="/lms/harness.js" data-version="${version}"></script>
</head>
<body style="margin:0">
<iframe id="sco" title="Course" src="/sco/${version}/index.html" style="width:836px;height:666px;border:0"></iframe>
</body>
</html>
`;
}

/** Runs in the parent page before the iframe exists (classic script, so the API is there when the SCO looks). */
export const HARNESS_JS = `(() => {
  'use strict';
  const version = document.currentScript.dataset.version;
  const is12 = version === '1.2';
  const Api = is12 ? window.Scorm12API : window.Scorm2004API;
  if (typeof Api !== 'function') throw new Error('scorm-again did not define its API class');
  // No commit URL: scorm-again keeps the data in memory and answers "true", like an LMS that accepts it.
  // No autocommit: only the SCO's own Commit calls count.
  const api = new Api({ autocommit: false, lmsCommitUrl: false, logLevel: 5 });
  const names = is12
    ? { init: 'LMSInitialize', finish: 'LMSFinish', get: 'LMSGetValue', set: 'LMSSetValue', commit: 'LMSCommit',
        err: 'LMSGetLastError', errStr: 'LMSGetErrorString', diag: 'LMSGetDiagnostic' }
    : { init: 'Initialize', finish: 'Terminate', get: 'GetValue', set: 'SetValue', commit: 'Commit',
        err: 'GetLastError', errStr: 'GetErrorString', diag: 'GetDiagnostic' };
  const bytes = (s) => new TextEncoder().encode(s).length;
  const cmiJsonBytes = (terminate) => {
    try { return bytes(JSON.stringify(api.renderCommitCMI(terminate))); } catch (e) { return -1; }
  };
  const log = [];
  window.__bench = { version, names, log, api, cmiJsonBytes,
    value: (el) => { try { return api.getCMIValue(el); } catch (e) { return undefined; } } };
  const originals = {};
  for (const [kind, name] of Object.entries(names)) originals[kind] = api[name].bind(api);
  for (const [kind, name] of Object.entries(names)) {
    const original = originals[kind];
    api[name] = function (...args) {
      const t = performance.timeOrigin + performance.now();
      // The CMI JSON is read before Terminate runs, since afterwards scorm-again refuses calls.
      const before = kind === 'finish' ? cmiJsonBytes(true) : undefined;
      const result = original(...args);
      const entry = { kind, name, t, result: String(result) };
      if (kind === 'set') { entry.element = String(args[0]); entry.valueChars = String(args[1]).length; entry.valueBytes = bytes(String(args[1]));
        if (/suspend_data$/.test(entry.element)) entry.value = String(args[1]); }
      if (kind === 'get') entry.element = String(args[0]);
      if (kind === 'commit') entry.cmiBytes = cmiJsonBytes(false);
      if (kind === 'finish') entry.cmiBytes = before;
      if (kind === 'set' || kind === 'commit' || kind === 'init' || kind === 'finish') {
        entry.error = String(originals.err());
      }
      log.push(entry);
      return result;
    };
  }
  window[is12 ? 'API' : 'API_1484_11'] = api;
})();
`;
