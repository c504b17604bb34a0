/**
 * The manifests as pure functions of a course and a file list: valid against the official XSDs
 * (and the validator itself proven able to fail), plus the checks the XSDs cannot make.
 */
import { describe, expect, it } from 'vitest';
import type { Course, Quiz } from '../../src/course/types.ts';
import { creditText, fileHref, manifestIds, renderManifest, type ScormVersion } from '../../src/package/manifest.ts';
import { checkManifest, checkPackage, SAFE_IDENTIFIER } from '../../src/package/validate.ts';
import { parseXml, allElements } from '../../src/package/xml.ts';
import { sample, validateManifestXsd, validateXsdOnly } from '../helpers/xsd.ts';
import { TEST_CREDIT, testSettings } from '../helpers/course-defaults.ts';

function course(over: Partial<Course> = {}, settings: Partial<Course['settings']> = {}): Course {
  return {
    id: 'exit_review',
    title: 'The Factors Involved in the Exit from Sex Trafficking: A Review',
    description: 'A self-paced course for staff of support services.',
    credit: TEST_CREDIT,
    settings: testSettings(settings),
    lessons: [],
    quizzes: [{ id: 'q1' } as Quiz],
    version: 'abcdefgh',
    ...over,
  };
}

const FILES = ['index.html', 'course.js', 'course.css', 'chunks/lit.js', 'assets/figure 2.png'];
const ZIP = [...FILES, 'imsmanifest.xml'];
const VERSIONS: ScormVersion[] = ['1.2', '2004'];

describe('the XSD validator itself', () => {
  it.each([
    ['valid-1.2.xml', '1.2', true],
    ['invalid-1.2.xml', '1.2', false],
    ['valid-2004.xml', '2004', true],
    ['invalid-2004.xml', '2004', false],
  ] as const)('%s (SCORM %s) valid=%s', async (file, version, valid) => {
    const result = await validateManifestXsd(sample(file), version);
    expect(result.valid).toBe(valid);
    if (!valid) {
      // Both invalid samples have exactly the same two faults.
      expect(result.errors.join('\n')).toMatch(/'identifier' is required but missing/);
      expect(result.errors.join('\n')).toMatch(/The value 'lesson' is not an element of the set/);
    } else {
      expect(result.errors).toEqual([]);
    }
  });

  it('rejects a 2004 manifest checked as 1.2 (the wrapper schemas really differ)', async () => {
    const result = await validateManifestXsd(renderManifest(course(), FILES, '2004'), '1.2');
    expect(result.valid).toBe(false);
  });

  // The 2004 CP schema's lax wildcards let an element of a namespace with no loaded schema through
  // unchecked: inline IEEE LOM, even with an element LOM does not have, passes the XSDs alone.
  const withLom = (xml: string, body: string) =>
    xml.replace('</schemaversion>', `</schemaversion>\n    <lom xmlns="http://ltsc.ieee.org/xsd/LOM">${body}</lom>`);

  it('rejects 2004 content the XSDs would skip unchecked (a namespace no wrapper loads), naming its line', async () => {
    const xml = withLom(sample('valid-2004.xml'), '<general><nonsense/></general>');
    expect(await validateXsdOnly(xml, '2004')).toBe(true);
    const line = xml.split('\n').findIndex((l) => l.includes('<lom ')) + 1;
    expect(await validateManifestXsd(xml, '2004')).toEqual({
      valid: false,
      errors: [expect.stringMatching(new RegExp(`^imsmanifest.xml:${line}: <lom> is in the namespace "http://ltsc.ieee.org/xsd/LOM", for which the SCORM 2004 wrapper`))],
    });
  });

  it('rejects an attribute in an unloaded namespace and a prefix no xmlns declares', async () => {
    const attr = sample('valid-2004.xml').replace('<item identifier="ITEM-1"', '<item xmlns:ex="urn:example" ex:note="x" identifier="ITEM-1"');
    expect(await validateXsdOnly(attr, '2004')).toBe(true);
    expect((await validateManifestXsd(attr, '2004')).errors).toEqual([expect.stringMatching(/the attribute ex:note of <item> is in the namespace "urn:example"/)]);
    const unbound = sample('valid-2004.xml').replace('<adlnav:presentation>', '<adlnav:presentation><zz:x/>');
    expect((await validateManifestXsd(unbound, '2004')).errors.join('\n')).toMatch(/<zz:x> uses a prefix that no xmlns declares/);
  });

  it('SCORM 1.2: the CP schema itself rejects an unloaded namespace (strict wildcards)', async () => {
    const xml = sample('valid-1.2.xml').replace('</schemaversion>', '</schemaversion><x:meta xmlns:x="urn:example"/>');
    expect(await validateXsdOnly(xml, '1.2')).toBe(false);
    expect((await validateManifestXsd(xml, '1.2')).valid).toBe(false);
  });
});

describe.each(VERSIONS)('SCORM %s manifest', (version) => {
  const xml = renderManifest(course(), FILES, version);

  it('is valid against the official XSDs', async () => {
    expect(await validateManifestXsd(xml, version)).toEqual({ valid: true, errors: [] });
  });

  it('passes the checks the XSDs cannot make', () => {
    expect(checkManifest(xml, version, ZIP)).toEqual([]);
  });

  it('lists every file once, sorted and URI-encoded, and not itself', () => {
    const hrefs = [...xml.matchAll(/<file href="([^"]*)"/g)].map((m) => m[1]);
    expect(hrefs).toEqual(['assets/figure%202.png', 'chunks/lit.js', 'course.css', 'course.js', 'index.html']);
  });

  it('is the same text whatever order the files come in', () => {
    expect(renderManifest(course(), [...FILES].reverse(), version)).toBe(xml);
  });

  it('writes the adlcp prefix literally (Moodle is not namespace-aware)', () => {
    expect(xml).toContain(version === '1.2' ? 'adlcp:scormtype="sco"' : 'adlcp:scormType="sco"');
    expect(xml).toContain(version === '1.2' ? 'xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2"' : 'xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_v1p3"');
  });

  it('has the exact schemaversion Moodle looks for', () => {
    expect(xml).toContain(`<schemaversion>${version === '1.2' ? '1.2' : '2004 4th Edition'}</schemaversion>`);
  });

  it('has no metadata but <schema> and <schemaversion> (no inline LOM: every part is checked by ADL\'s XSDs)', () => {
    const metadata = allElements(parseXml(xml)).find((e) => e.name === 'metadata');
    expect(metadata?.children.map((c) => c.name)).toEqual(['schema', 'schemaversion']);
    expect(xml).not.toMatch(/ltsc\.ieee\.org|<lom/);
  });

  it('credits the review and says no licence is stated', () => {
    expect(xml).toContain('Chiara Ferrari (2021)');
    expect(xml).toContain('No licence is stated for the original work');
    expect(xml).toContain('https://vc.bridgew.edu/jiws/vol22/iss5/13');
  });

  it('escapes titles and descriptions and stays valid', async () => {
    const tricky = course({ title: 'Exit & <re-entry> "cycles" \u0007 -- it\'s', description: 'A -- B --> C & D' });
    const text = renderManifest(tricky, FILES, version);
    expect(await validateManifestXsd(text, version)).toEqual({ valid: true, errors: [] });
    expect(checkManifest(text, version, ZIP)).toEqual([]);
    const titles = allElements(parseXml(text)).filter((e) => e.name === 'title');
    expect(titles.map((t) => t.text.trim())).toContain('Exit & <re-entry> "cycles"  -- it\'s');
  });

  it('makes identifiers NCName- and SCORM-safe from any course id', async () => {
    const text = renderManifest(course({ id: '2021.review' }), FILES, version);
    expect(await validateManifestXsd(text, version)).toEqual({ valid: true, errors: [] });
    expect(checkManifest(text, version, ZIP)).toEqual([]);
    expect(Object.values(manifestIds('2021.review')).every((id) => SAFE_IDENTIFIER.test(id))).toBe(true);
    expect(manifestIds('2021.review').manifest).toBe('c_2021.review');
  });

  it('has no mastery when the course has no quizzes (no score is ever reported)', async () => {
    const text = renderManifest(course({ quizzes: [] }), FILES, version);
    expect(text).not.toMatch(/masteryscore|minNormalizedMeasure/);
    expect(await validateManifestXsd(text, version)).toEqual({ valid: true, errors: [] });
  });
});

describe('mastery', () => {
  it('SCORM 1.2: masteryscore is the pass mark', () => {
    expect(renderManifest(course({}, { passMark: 75 }), FILES, '1.2')).toContain('<adlcp:masteryscore>75</adlcp:masteryscore>');
  });

  it('SCORM 2004: a primary objective satisfied by measure, threshold passMark/100, no objectiveID', () => {
    const xml = renderManifest(course({}, { passMark: 33.3 }), FILES, '2004');
    expect(xml).toMatch(/<imsss:primaryObjective satisfiedByMeasure="true">\s*<imsss:minNormalizedMeasure>0\.333<\/imsss:minNormalizedMeasure>/);
    expect(xml).not.toContain('objectiveID');
  });

  it('an out-of-range pass mark passes the XSD for 1.2 but not the extra checks', async () => {
    const xml12 = renderManifest(course({}, { passMark: 180 }), FILES, '1.2');
    expect((await validateManifestXsd(xml12, '1.2')).valid).toBe(true);
    expect(checkManifest(xml12, '1.2', ZIP)).toEqual([expect.stringMatching(/masteryscore "180" is not a number from 0 to 100/)]);
    const xml2004 = renderManifest(course({}, { passMark: 150 }), FILES, '2004');
    expect(checkManifest(xml2004, '2004', ZIP)).toEqual([expect.stringMatching(/minNormalizedMeasure "1.5" is not a number from -1 to 1/)]);
  });
});

describe('creditText and fileHref', () => {
  it('credit is empty when the course credits no work', () => {
    expect(creditText(course({ credit: { author: '', year: 0, title: '', source: '', url: '' } }))).toBe('');
  });
  it('encodes each path segment, keeping the slashes', () => {
    expect(fileHref('assets/a b#c.png')).toBe('assets/a%20b%23c.png');
  });
});

describe.each(VERSIONS)('checkManifest catches what the XSDs let through (SCORM %s)', (version) => {
  const good = renderManifest(course(), FILES, version);
  const scormtype = version === '1.2' ? 'adlcp:scormtype' : 'adlcp:scormType';
  const cases: [string, (xml: string) => string, RegExp, string[]?][] = [
    ['an identifierref to no resource', (s) => s.replace('identifierref="exit_review_sco"', 'identifierref="nope"'), /identifierref "nope" does not name a resource/],
    ['a listed file missing from the zip', (s) => s.replace('<file href="course.css"/>', '<file href="course.css"/><file href="missing.js"/>'), /"missing.js" is listed but not in the zip/],
    ['a zip file not listed', (s) => s, /"extra.txt" is in the zip but not listed/, [...ZIP, 'extra.txt']],
    ['no manifest at the zip root', (s) => s, /imsmanifest.xml is not at the root/, FILES],
    ['a file listed twice', (s) => s.replace('<file href="course.css"/>', '<file href="course.css"/><file href="course.css"/>'), /"course.css" is listed twice/],
    ['a near-miss schemaversion', (s) => s.replace(/<schemaversion>[^<]*</, '<schemaversion>2004 4th edition<'), /<schemaversion> is "2004 4th edition", expected exactly/],
    ['a wrong <schema>', (s) => s.replace('<schema>ADL SCORM</schema>', '<schema>SCORM</schema>'), /<schema> is "SCORM"/],
    ['an asset instead of a SCO', (s) => s.replace(`${scormtype}="sco"`, `${scormtype}="asset"`), /is "asset", expected "sco"/],
    [
      "the other version's scormtype spelling",
      (s) => s.replace(`${scormtype}="sco"`, `${version === '1.2' ? 'adlcp:scormType' : 'adlcp:scormtype'}="sco"`),
      /the other version's spelling/,
    ],
    ['another prefix for adlcp (valid XML, but Moodle sees no SCO)', (s) => s.replaceAll('adlcp:', 'cp:').replace('xmlns:adlcp=', 'xmlns:cp='), /xmlns:adlcp is ""[^]*scorm[tT]ype is "", expected "sco"/],
    ['a second item', (s) => s.replace('</item>', '</item><item identifier="second" identifierref="exit_review_sco"><title>2</title></item>'), /expected one <item>, found 2/],
    ['a second organization', (s) => s.replace('</organization>', '</organization><organization identifier="org2"><title>x</title></organization>'), /found 2 organization/],
    ['a wrong default organization', (s) => s.replace('default="exit_review_org"', 'default="other"'), /organizations default="other"/],
    ['a duplicate identifier', (s) => s.replace('identifier="exit_review_item"', 'identifier="exit_review_org"'), /"exit_review_org" is used twice/],
    ['an unsafe identifier', (s) => s.replaceAll('exit_review_sco', 'exit-review-sco'), /"exit-review-sco" is not SCORM-safe/],
    ['a launch file other than index.html', (s) => s.replace('href="index.html">', 'href="course.js">'), /resource href is "course.js"/],
    ['not well-formed XML', (s) => s.replace('</resources>', ''), /not well-formed XML/],
  ];
  it('a renamed adlcp prefix is valid for the XSDs (namespace-aware) and still caught here', async () => {
    const renamed = good.replaceAll('adlcp:', 'cp:').replace('xmlns:adlcp=', 'xmlns:cp=');
    expect((await validateManifestXsd(renamed, version)).valid).toBe(true);
    expect(checkManifest(renamed, version, ZIP).length).toBeGreaterThan(0);
  });

  it.each(cases)('%s', (_name, mutate, message, zip) => {
    const problems = checkManifest(mutate(good), version, zip ?? ZIP);
    expect(problems.join('\n')).toMatch(message);
  });
});

describe('checkPackage', () => {
  const enc = (s: string) => new TextEncoder().encode(s);
  const files = (version: ScormVersion, meta: string) => ({
    'index.html': enc(`<meta name="scorm-version" content="${meta}">`),
    'course.js': enc(''),
    'course.css': enc(''),
    'chunks/lit.js': enc(''),
    'assets/figure 2.png': enc(''),
    'imsmanifest.xml': enc(renderManifest(course(), FILES, version)),
  });
  it.each(VERSIONS)('accepts a SCORM %s package whose index.html asks for that version', (version) => {
    expect(checkPackage(files(version, version), version)).toEqual([]);
  });
  it('rejects a 1.2 package that carries the auto or 2004 build', () => {
    expect(checkPackage(files('1.2', 'auto'), '1.2')).toEqual(['index.html: <meta name="scorm-version"> is "auto", expected "1.2"']);
    expect(checkPackage(files('1.2', '2004'), '1.2')).toHaveLength(1);
  });
  it('rejects a manifest in a sub-folder, as Moodle does', () => {
    const f = files('1.2', '1.2');
    const { 'imsmanifest.xml': manifest, ...rest } = f;
    expect(checkPackage({ ...rest, 'course/imsmanifest.xml': manifest }, '1.2')).toEqual([
      expect.stringMatching(/imsmanifest.xml is not at the root of the zip \(found course\/imsmanifest.xml/),
    ]);
  });
});
