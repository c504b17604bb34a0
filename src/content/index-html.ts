/**
 * The package's `index.html`: no inline script or style, so the course runs under
 * `Content-Security-Policy: default-src 'self'`; no request leaves the package. `#content` is the
 * skip link's target: in the document itself (a fragment cannot reach into a shadow root), slotted by
 * course-app at the top of its <main>.
 */
import type { Course } from '../course/types.ts';

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

export function renderIndexHtml(course: Course, opts: { script: string; scormVersion: string }): string {
  return `<!doctype html>
<html lang="${escapeHtml(course.settings.language)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="scorm-version" content="${escapeHtml(opts.scormVersion)}">
<meta name="description" content="${escapeHtml(course.description)}">
<title>${escapeHtml(course.title)}</title>
<link rel="icon" href="favicon.svg" type="image/svg+xml">
<link rel="stylesheet" href="course.css">
<script type="module" src="${escapeHtml(opts.script)}"></script>
</head>
<body>
<course-app><p class="loading">Loading the course…</p><span id="content" slot="skip-target" tabindex="-1"></span></course-app>
<noscript><p>This course needs JavaScript. Please open it in a current web browser.</p></noscript>
</body>
</html>
`;
}
