/**
 * The checks the official XSDs cannot make (see tests/helpers/scorm-schemas/README.md, "What the
 * XSDs cannot check"): references, files, value ranges, exact version strings and this
 * project's shape (one organization, one item, one SCO). The packager runs them before it
 * writes a zip, and the tests run them beside the XSD validation.
 *
 * Names are matched as written (`adlcp:scormtype`), like Moodle's parser, which is not
 * namespace-aware.
 */
import { LAUNCH_FILE, MANIFEST_FILE, NAMESPACES, SCHEMA_VERSION, type ScormVersion } from './manifest.ts';
import { allElements, childrenNamed, parseXml, XmlSyntaxError, type XmlElement } from './xml.ts';
import { checkZipPath } from './zip.ts';

/**
 * Identifiers that are both `xs:ID` (NCName, no leading digit) and SCORM-safe (Moodle keeps
 * `^[\w.]{1,250}$` for the ids it passes around).
 */
export const SAFE_IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_.]{0,249}$/;

const SCORMTYPE_ATTR: Record<ScormVersion, string> = { '1.2': 'adlcp:scormtype', '2004': 'adlcp:scormType' };

function textOf(el: XmlElement | undefined): string {
  return el ? el.text.trim() : '';
}

function decodeHref(href: string): string {
  try {
    return decodeURIComponent(href);
  } catch {
    return href;
  }
}

/**
 * Check a manifest against the package's file list (every path in the zip, `imsmanifest.xml`
 * included). Returns the problems found, in plain words; an empty list means it passed.
 */
export function checkManifest(xml: string, version: ScormVersion, zipFiles: readonly string[]): string[] {
  const problems: string[] = [];
  const say = (el: XmlElement | null, message: string) => problems.push(el ? `line ${el.line}: ${message}` : message);

  let root: XmlElement;
  try {
    root = parseXml(xml);
  } catch (err) {
    if (err instanceof XmlSyntaxError) return [`not well-formed XML: ${err.message}`];
    throw err;
  }
  if (root.name !== 'manifest') return [`the root element is <${root.name}>, not <manifest>`];

  // Namespaces: the wrong version's namespace makes a 2004 LMS read the package as 1.2 or fail.
  const ns = NAMESPACES[version];
  if (root.attrs.xmlns !== ns.imscp) say(root, `xmlns is "${root.attrs.xmlns ?? ''}", expected "${ns.imscp}"`);
  if (root.attrs['xmlns:adlcp'] !== ns.adlcp) {
    say(root, `xmlns:adlcp is "${root.attrs['xmlns:adlcp'] ?? ''}", expected "${ns.adlcp}" (the prefix must be literally "adlcp": Moodle is not namespace-aware)`);
  }

  // <schema> and <schemaversion>: any string passes the XSDs, but Moodle picks the version from it.
  const metadata = childrenNamed(root, 'metadata');
  if (metadata.length !== 1) say(root, `expected one <metadata> in <manifest>, found ${metadata.length}`);
  const schema = textOf(childrenNamed(metadata[0] ?? root, 'schema')[0]);
  if (schema !== 'ADL SCORM') say(metadata[0] ?? root, `<schema> is "${schema}", expected "ADL SCORM"`);
  const schemaversion = textOf(childrenNamed(metadata[0] ?? root, 'schemaversion')[0]);
  if (schemaversion !== SCHEMA_VERSION[version]) {
    say(metadata[0] ?? root, `<schemaversion> is "${schemaversion}", expected exactly "${SCHEMA_VERSION[version]}"`);
  }

  // Identifiers: unique (the XSDs check this too, but only as xs:ID) and SCORM-safe.
  const elements = allElements(root);
  const seen = new Map<string, XmlElement>();
  for (const el of elements) {
    const id = el.attrs.identifier;
    if (id === undefined) continue;
    if (!SAFE_IDENTIFIER.test(id)) say(el, `identifier "${id}" is not SCORM-safe (letters, digits, "_" and "."; not starting with a digit; at most 250)`);
    const first = seen.get(id);
    if (first) say(el, `identifier "${id}" is used twice (first on line ${first.line})`);
    else seen.set(id, el);
  }

  // One organization with one item.
  const organizations = childrenNamed(root, 'organizations');
  const orgs = organizations.flatMap((o) => childrenNamed(o, 'organization'));
  if (organizations.length !== 1 || orgs.length !== 1) say(root, `expected one <organizations> with one <organization>, found ${orgs.length} organization(s)`);
  const org = orgs[0];
  if (org && organizations[0]!.attrs.default !== org.attrs.identifier) {
    say(organizations[0]!, `organizations default="${organizations[0]!.attrs.default ?? ''}" is not the organization's identifier "${org.attrs.identifier ?? ''}"`);
  }
  const items = orgs.flatMap((o) => allElements(o).filter((e) => e.name === 'item'));
  if (items.length !== 1) say(org ?? root, `expected one <item>, found ${items.length}`);

  // One resource, a SCO, launching index.html.
  const resourcesEl = childrenNamed(root, 'resources');
  const resources = resourcesEl.flatMap((r) => childrenNamed(r, 'resource'));
  if (resources.length !== 1) say(resourcesEl[0] ?? root, `expected one <resource>, found ${resources.length}`);
  const resourceIds = new Set(resources.map((r) => r.attrs.identifier));
  for (const res of resources) {
    const type = res.attrs[SCORMTYPE_ATTR[version]];
    if (type !== 'sco') {
      const other = SCORMTYPE_ATTR[version === '1.2' ? '2004' : '1.2'];
      const hint = res.attrs[other] !== undefined ? ` (found ${other}, the other version's spelling)` : '';
      say(res, `${SCORMTYPE_ATTR[version]} is "${type ?? ''}", expected "sco"${hint}`);
    }
    if (res.attrs.type !== 'webcontent') say(res, `resource type is "${res.attrs.type ?? ''}", expected "webcontent"`);
    if (res.attrs.href !== LAUNCH_FILE) say(res, `resource href is "${res.attrs.href ?? ''}", expected "${LAUNCH_FILE}"`);
  }

  // Every identifierref resolves (it is xs:string, not IDREF, so the XSDs do not look).
  for (const el of elements) {
    const ref = el.attrs.identifierref;
    if (ref !== undefined && !resourceIds.has(ref)) say(el, `identifierref "${ref}" does not name a resource`);
  }
  for (const item of items) if (item.attrs.identifierref === undefined) say(item, 'the <item> has no identifierref, so it launches nothing');

  // Files: every href exists in the zip, every zip file is listed, nothing twice.
  const inZip = new Set(zipFiles);
  if (!inZip.has(MANIFEST_FILE)) problems.push(`${MANIFEST_FILE} is not at the root of the zip`);
  const listed = new Set<string>();
  for (const res of resources) {
    if (res.attrs.href !== undefined && !inZip.has(decodeHref(res.attrs.href))) say(res, `the launch file "${res.attrs.href}" is not in the zip`);
    for (const file of childrenNamed(res, 'file')) {
      const href = file.attrs.href;
      if (href === undefined) {
        say(file, '<file> without href');
        continue;
      }
      const path = decodeHref(href);
      if (listed.has(path)) say(file, `"${href}" is listed twice`);
      listed.add(path);
      const unsafe = checkZipPath(path);
      if (unsafe) say(file, unsafe);
      else if (!inZip.has(path)) say(file, `"${href}" is listed but not in the zip`);
    }
    if (res.attrs.href !== undefined && !listed.has(decodeHref(res.attrs.href))) say(res, `the launch file "${res.attrs.href}" has no <file> entry`);
  }
  for (const path of [...inZip].sort()) {
    if (path !== MANIFEST_FILE && !listed.has(path)) problems.push(`"${path}" is in the zip but not listed in the manifest`);
  }

  // Mastery: SCORM 1.2 masteryscore is 0-100 (the XSD takes any string: "180" passes it).
  for (const el of elements.filter((e) => e.name === 'adlcp:masteryscore')) {
    const text = textOf(el);
    const n = Number(text);
    if (!/^\d+(\.\d+)?$/.test(text) || n < 0 || n > 100) say(el, `masteryscore "${text}" is not a number from 0 to 100`);
  }
  for (const el of elements.filter((e) => e.name === 'imsss:minNormalizedMeasure')) {
    const text = textOf(el);
    const n = Number(text);
    if (!/^-?\d+(\.\d+)?$/.test(text) || n < -1 || n > 1) say(el, `minNormalizedMeasure "${text}" is not a number from -1 to 1`);
  }
  if (version === '1.2' && elements.some((e) => e.name.startsWith('imsss:'))) say(root, 'SCORM 1.2 has no imsss sequencing');

  return problems;
}

/**
 * Check a whole package (path -> bytes): the manifest at the root, the checks above, and that
 * the launch page asks for the version it is packaged as (`<meta name="scorm-version">`),
 * so a 1.2 zip never carries a 2004 build.
 */
export function checkPackage(files: Record<string, Uint8Array>, version: ScormVersion): string[] {
  const problems: string[] = [];
  for (const path of Object.keys(files)) {
    const unsafe = checkZipPath(path);
    if (unsafe) problems.push(unsafe);
  }
  const manifest = files[MANIFEST_FILE];
  if (!manifest) {
    const nested = Object.keys(files).find((f) => f.endsWith(`/${MANIFEST_FILE}`));
    return [...problems, `${MANIFEST_FILE} is not at the root of the zip${nested ? ` (found ${nested}: Moodle rejects that)` : ''}`];
  }
  problems.push(...checkManifest(new TextDecoder().decode(manifest), version, Object.keys(files)).map((p) => `${MANIFEST_FILE}: ${p}`));
  const launch = files[LAUNCH_FILE];
  if (launch) {
    const html = new TextDecoder().decode(launch);
    const meta = /<meta\s+name="scorm-version"\s+content="([^"]*)"/.exec(html)?.[1];
    if (meta !== version) problems.push(`${LAUNCH_FILE}: <meta name="scorm-version"> is "${meta ?? '(missing)'}", expected "${version}"`);
  }
  return problems;
}
