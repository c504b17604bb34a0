/**
 * Validate manifests against the official SCORM XSDs kept in ../shared/scorm-schemas (next to
 * the repository), offline, with xmllint-wasm (libxml2 compiled to wasm). The wrappers
 * `scorm12-all.xsd` and `scorm2004-4th-all.xsd` import every namespace a manifest mixes, so
 * adlcp/imsss/LOM content is really checked (see that folder's README).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { validateXML, type XMLFileInfo } from 'xmllint-wasm';
import type { ScormVersion } from '../../src/package/manifest.ts';

export const REPO_ROOT = path.resolve(import.meta.dirname, '../..');
export const SCHEMAS_DIR = path.resolve(process.env.SCORM_SCHEMAS ?? path.resolve(REPO_ROOT, '../shared/scorm-schemas'));

const WRAPPER: Record<ScormVersion, string> = { '1.2': 'scorm12-all.xsd', '2004': 'scorm2004-4th-all.xsd' };
const SUBDIR: Record<ScormVersion, string> = { '1.2': 'scorm12', '2004': 'scorm2004-4th' };

/** Fail (never skip) with a message that says what is missing and where it was looked for. */
export function schemasDir(): string {
  if (!existsSync(path.join(SCHEMAS_DIR, WRAPPER['1.2'])) || !existsSync(path.join(SCHEMAS_DIR, WRAPPER['2004']))) {
    throw new Error(
      `The SCORM schemas were not found in ${SCHEMAS_DIR} (expected scorm12-all.xsd and scorm2004-4th-all.xsd there). ` +
        'They live in shared/scorm-schemas beside the repository; set SCORM_SCHEMAS to their folder if it is elsewhere.',
    );
  }
  return SCHEMAS_DIR;
}

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(path.join(dir, e.name)) : /\.(xsd|dtd)$/.test(e.name) ? [path.join(dir, e.name)] : [],
  );
}

const cache = new Map<ScormVersion, { schema: XMLFileInfo; preload: XMLFileInfo[] }>();

function schemaFiles(version: ScormVersion) {
  let files = cache.get(version);
  if (!files) {
    const root = schemasDir();
    const file = (p: string): XMLFileInfo => ({ fileName: path.relative(root, p), contents: readFileSync(p, 'utf8') });
    // Sub-folders (common/, vocab/ ...) are kept in the names: the wasm file system recreates them.
    files = { schema: file(path.join(root, WRAPPER[version])), preload: walk(path.join(root, SUBDIR[version])).map(file) };
    cache.set(version, files);
  }
  return files;
}

export interface XsdResult {
  valid: boolean;
  /** Only real validity errors: libxml2 also prints harmless schema warnings (see the README). */
  errors: string[];
}

/** Validate one manifest. Rejects only when the schema itself does not compile. */
export async function validateManifestXsd(xml: string, version: ScormVersion): Promise<XsdResult> {
  const { schema, preload } = schemaFiles(version);
  const result = await validateXML({ xml: [{ fileName: 'imsmanifest.xml', contents: xml }], schema: [schema], preload });
  const errors = result.errors.map((e) => e.rawMessage).filter((m) => /validity error|parser error|error :/.test(m) && !/namespace error : xml namespace URI/.test(m));
  return { valid: result.valid, errors };
}

/** The samples shipped with the schemas (valid-1.2.xml, invalid-2004.xml ...). */
export function sample(name: string): string {
  return readFileSync(path.join(schemasDir(), 'samples', name), 'utf8');
}
