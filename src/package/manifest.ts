/**
 * `imsmanifest.xml` for SCORM 1.2 and SCORM 2004 4th Edition: a pure function of the course
 * and the package's file list. One organization, one item, one SCO resource.
 *
 * Namespaces and schemaLocation values are those of ADL's own samples (see
 * tests/helpers/scorm-schemas/samples and docs/packaging.md). The `adlcp` prefix is written
 * literally because Moodle's parser is not namespace-aware: it looks for the attribute
 * `ADLCP:SCORMTYPE` by name, so any other prefix silently makes the SCO an asset.
 */
import type { Course } from '../course/types.ts';
import { escapeXml as x, xmlCommentText } from './xml.ts';

export type ScormVersion = '1.2' | '2004';
export const SCORM_VERSIONS: readonly ScormVersion[] = ['1.2', '2004'];

/** The launch file of the SCO. */
export const LAUNCH_FILE = 'index.html';
export const MANIFEST_FILE = 'imsmanifest.xml';

/**
 * The exact `<schemaversion>` texts. Moodle runs a package as SCORM 2004 only when the text is
 * exactly `1.3`, `CAM 1.3`, `2004 3rd Edition` or `2004 4th Edition`; anything else is run as 1.2.
 */
export const SCHEMA_VERSION: Record<ScormVersion, string> = { '1.2': '1.2', '2004': '2004 4th Edition' };

export const NAMESPACES = {
  '1.2': {
    imscp: 'http://www.imsproject.org/xsd/imscp_rootv1p1p2',
    adlcp: 'http://www.adlnet.org/xsd/adlcp_rootv1p2',
  },
  '2004': {
    imscp: 'http://www.imsglobal.org/xsd/imscp_v1p1',
    adlcp: 'http://www.adlnet.org/xsd/adlcp_v1p3',
    adlseq: 'http://www.adlnet.org/xsd/adlseq_v1p3',
    adlnav: 'http://www.adlnet.org/xsd/adlnav_v1p3',
    imsss: 'http://www.imsglobal.org/xsd/imsss',
  },
} as const;

const XSI = 'http://www.w3.org/2001/XMLSchema-instance';

export interface ManifestIds {
  manifest: string;
  organization: string;
  item: string;
  resource: string;
}

/**
 * Identifiers from the course id. Manifest identifiers are `xs:ID` (an NCName: no leading digit),
 * and Moodle stores them in 255-character columns, so a course id such as `2021_review`
 * becomes `c_2021_review`.
 */
export function manifestIds(courseId: string): ManifestIds {
  const safe = courseId.replace(/[^A-Za-z0-9_.]/g, '_').slice(0, 200) || 'course';
  const base = /^[A-Za-z_]/.test(safe) ? safe : `c_${safe}`;
  return { manifest: base, organization: `${base}_org`, item: `${base}_item`, resource: `${base}_sco` };
}

/**
 * The credit line for the reviewed work. The paper states no licence, so the package says whose
 * work it is and claims no rights over it.
 */
export function creditText(course: Course): string {
  const cite = citation(course);
  return cite ? `Based on ${cite}. No licence is stated for the original work: it is credited here, and its rights remain with its author.` : '';
}

/** `Author (year), "Title", source, url`, or '' when the course credits no work. */
export function citation(course: Course): string {
  const c = course.credit;
  if (!c || (!c.author && !c.title)) return '';
  return [
    c.author && c.year ? `${c.author} (${c.year})` : c.author || (c.year ? String(c.year) : ''),
    c.title ? `"${c.title}"` : '',
    c.source,
    c.url,
  ]
    .filter(Boolean)
    .join(', ');
}

/** A number as XML decimal text, without float noise (33.3 / 100 -> 0.333, not 0.33299999999999996). */
function decimal(n: number, digits: number): string {
  return String(Number(n.toFixed(digits)));
}

/** Each path segment URI-encoded, so `assets/fig 2.png` is a valid `xs:anyURI`. */
export function fileHref(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/');
}

/** The files the manifest lists: every file of the SCO, sorted, without the manifest itself. */
export function listedFiles(files: readonly string[]): string[] {
  return [...new Set(files.filter((f) => f !== MANIFEST_FILE))].sort();
}

/** True when the course will ever report a score (a mastery score is meaningless otherwise). */
export function hasScore(course: Course): boolean {
  return course.quizzes.length > 0;
}

/**
 * Render the manifest. `files` are the package's paths relative to its root (`/`-separated);
 * the order does not matter (the output is sorted), so the same course always gives the same text.
 */
export function renderManifest(course: Course, files: readonly string[], version: ScormVersion): string {
  return version === '1.2' ? render12(course, files) : render2004(course, files);
}

/** Greedy word wrap, so the comment reads well in an editor. */
function wrap(text: string, width = 100): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

function header(course: Course): string {
  const lines = [course.title, course.description, creditText(course)].filter(Boolean).flatMap((t) => wrap(xmlCommentText(t)));
  return `<?xml version="1.0" encoding="UTF-8"?>
<!--
  ${lines.join('\n  ')}
-->
`;
}

function fileList(files: readonly string[]): string {
  return listedFiles(files)
    .map((f) => `      <file href="${x(fileHref(f))}"/>\n`)
    .join('');
}

function render12(course: Course, files: readonly string[]): string {
  const ids = manifestIds(course.id);
  const ns = NAMESPACES['1.2'];
  // SCORM 1.2 metadata would be IMS MD 1.2.1 (inline or via adlcp:location). Its schema breaks
  // the XSD Unique Particle Attribution rule and libxml2 >= 2.13 refuses it, and Moodle ignores
  // 1.2 metadata anyway, so the description and credit travel in the comment at the top.
  const mastery = hasScore(course) ? `\n        <adlcp:masteryscore>${x(decimal(course.settings.passMark, 2))}</adlcp:masteryscore>` : '';
  return `${header(course)}<manifest identifier="${x(ids.manifest)}"
          xmlns="${ns.imscp}"
          xmlns:adlcp="${ns.adlcp}"
          xmlns:xsi="${XSI}"
          xsi:schemaLocation="${ns.imscp} imscp_rootv1p1p2.xsd
                              ${ns.adlcp} adlcp_rootv1p2.xsd">
  <metadata>
    <schema>ADL SCORM</schema>
    <schemaversion>${SCHEMA_VERSION['1.2']}</schemaversion>
  </metadata>
  <organizations default="${x(ids.organization)}">
    <organization identifier="${x(ids.organization)}">
      <title>${x(course.title)}</title>
      <item identifier="${x(ids.item)}" identifierref="${x(ids.resource)}" isvisible="true">
        <title>${x(course.title)}</title>${mastery}
      </item>
    </organization>
  </organizations>
  <resources>
    <resource identifier="${x(ids.resource)}" type="webcontent" adlcp:scormtype="sco" href="${LAUNCH_FILE}">
${fileList(files)}    </resource>
  </resources>
</manifest>
`;
}

function render2004(course: Course, files: readonly string[]): string {
  const ids = manifestIds(course.id);
  const ns = NAMESPACES['2004'];
  // No inline IEEE LOM metadata: Moodle reads only <schemaversion> from <metadata> (titles come from
  // the organization and item), scorm-again never sees the manifest, and no npm package ships the LOM
  // schemas, so LOM could only be checked against vendored copies. The credit is in the comment at the top.
  // The primary objective has no objectiveID on purpose: Moodle copies every objective that has
  // one into cmi.objectives before launch, where it would take index 0 from the lessons' objectives.
  // satisfiedByMeasure: the LMS judges success from score.scaled against minNormalizedMeasure,
  // which Moodle also hands to the SCO as cmi.scaled_passing_score.
  const objectives = hasScore(course)
    ? `
          <imsss:objectives>
            <imsss:primaryObjective satisfiedByMeasure="true">
              <imsss:minNormalizedMeasure>${decimal(course.settings.passMark / 100, 4)}</imsss:minNormalizedMeasure>
            </imsss:primaryObjective>
          </imsss:objectives>`
    : '';
  return `${header(course)}<manifest identifier="${x(ids.manifest)}"
          xmlns="${ns.imscp}"
          xmlns:adlcp="${ns.adlcp}"
          xmlns:adlseq="${ns.adlseq}"
          xmlns:adlnav="${ns.adlnav}"
          xmlns:imsss="${ns.imsss}"
          xmlns:xsi="${XSI}"
          xsi:schemaLocation="${ns.imscp} imscp_v1p1.xsd
                              ${ns.adlcp} adlcp_v1p3.xsd
                              ${ns.adlseq} adlseq_v1p3.xsd
                              ${ns.adlnav} adlnav_v1p3.xsd
                              ${ns.imsss} imsss_v1p0.xsd">
  <metadata>
    <schema>ADL SCORM</schema>
    <schemaversion>${SCHEMA_VERSION['2004']}</schemaversion>
  </metadata>
  <organizations default="${x(ids.organization)}">
    <organization identifier="${x(ids.organization)}">
      <title>${x(course.title)}</title>
      <item identifier="${x(ids.item)}" identifierref="${x(ids.resource)}">
        <title>${x(course.title)}</title>
        <imsss:sequencing>${objectives}
          <imsss:deliveryControls completionSetByContent="true" objectiveSetByContent="true"/>
        </imsss:sequencing>
      </item>
      <imsss:sequencing>
        <imsss:controlMode choice="true" flow="true"/>
      </imsss:sequencing>
    </organization>
  </organizations>
  <resources>
    <resource identifier="${x(ids.resource)}" type="webcontent" adlcp:scormType="sco" href="${LAUNCH_FILE}">
${fileList(files)}    </resource>
  </resources>
</manifest>
`;
}
