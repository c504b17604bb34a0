import { describe, expect, it } from 'vitest';
import { closest, didYouMean, scormIdProblem } from '../../src/content/yaml-check.ts';
import { entry, parseYaml, type YMap, type YSeq } from '../../src/content/yaml-lines.ts';

describe('YAML with line numbers', () => {
  it('gives every node its line; a block under a key takes the key\'s line', () => {
    const { root, problems } = parseYaml('id: x\nsettings:\n  pool: 3\nquestions:\n  - id: a\n\n  - id: b\n', 'f.yaml');
    expect(problems).toEqual([]);
    const map = root as YMap;
    expect(entry(map, 'id')).toMatchObject({ keyLine: 1, value: { kind: 'scalar', line: 1, value: 'x' } });
    expect(entry(map, 'settings')!.value).toMatchObject({ kind: 'map', line: 2 });
    expect(entry(entry(map, 'settings')!.value as YMap, 'pool')).toMatchObject({ keyLine: 3, value: { value: 3 } });
    const list = entry(map, 'questions')!.value as YSeq;
    expect(list.line).toBe(4);
    expect(list.items.map((i) => i.line)).toEqual([5, 7]);
  });

  it('keeps plain scalars as written, so ids like 01 and 1.10 survive', () => {
    const { root } = parseYaml('a: 01\nb: 1.10\nc: "quoted"\nd: true\ne:\n', 'f.yaml');
    const get = (k: string) => entry(root as YMap, k)!.value;
    expect(get('a')).toMatchObject({ value: 1, raw: '01' });
    expect(get('b')).toMatchObject({ value: 1.1, raw: '1.10' });
    expect(get('c')).toMatchObject({ value: 'quoted', raw: 'quoted' });
    expect(get('d')).toMatchObject({ value: true, raw: 'true' });
    expect(get('e')).toMatchObject({ value: null, raw: '', line: 5 });
  });

  it('resolves aliases at the line where they are used', () => {
    const { root, problems } = parseYaml('fb: &fb { correct: Yes }\nother:\n  feedback: *fb\n', 'f.yaml');
    expect(problems).toEqual([]);
    const used = entry(entry(root as YMap, 'other')!.value as YMap, 'feedback')!.value;
    expect(used).toMatchObject({ kind: 'map', line: 3, entries: [{ key: 'correct', value: { value: 'Yes' } }] });
  });

  it('explains syntax errors in plain words, with the line', () => {
    const cases: Array<[string, number, RegExp]> = [
      ['a: 1\na: 2\n', 2, /this key is written twice in the same block/],
      ['a: "open\nb: 1\n', 3, /something is not closed .*Check quotes and brackets/],
      ['a: 1\n---\nb: 2\n', 2, /starts a second document/],
      ['a:\n  - b\n c: 1\n', 3, /the indentation is wrong here/],
    ];
    for (const [text, line, reason] of cases) {
      const { root, problems } = parseYaml(text, 'f.yaml');
      expect(root).toBeNull();
      expect(problems[0]).toMatchObject({ file: 'f.yaml', line });
      expect(problems[0].reason).toMatch(/^YAML syntax error: /);
      expect(problems[0].reason).toMatch(reason);
    }
  });

  it('reports at most one syntax problem per line and three in all', () => {
    const { problems } = parseYaml('- a\nb: 1\n', 'f.yaml');
    expect(new Set(problems.map((p) => p.line)).size).toBe(problems.length);
    expect(problems.length).toBeLessThanOrEqual(3);
  });

  it('an empty file has no root and no problem', () => {
    expect(parseYaml('# nothing\n', 'f.yaml')).toEqual({ root: null, problems: [] });
  });
});

describe('helpers for messages', () => {
  it('suggests close words, ignoring case, but not for very short ones', () => {
    expect(didYouMean('promt', ['prompt', 'options'])).toBe('prompt');
    expect(didYouMean('passmark', ['passMark'])).toBe('passMark');
    expect(didYouMean('optoins', ['options', 'targets'])).toBe('options');
    expect(didYouMean('e', ['a', 'b'])).toBeNull();
    expect(didYouMean('shuffle', ['shuffleQuestions', 'shuffleOptions'])).toBeNull();
  });

  it('lists the closest ids first', () => {
    expect(closest('discussion-p9', ['theoretical-background', 'discussion', 'discussion-p1', 'discussion-p3-r2'], 2)).toEqual([
      'discussion-p1',
      'discussion-p3-r2',
    ]);
    expect(closest('theoretical-backgroun-p1', ['theoretical-background-p1', 'discussion-p1'], 1)).toEqual(['theoretical-background-p1']);
  });

  it('names the characters SCORM cannot carry', () => {
    expect(scormIdProblem('q_1.a')).toBeNull();
    expect(scormIdProblem('q 1-a')).toMatch(/it contains a space, "-"\./);
    expect(scormIdProblem('é')).toMatch(/it contains "é"/);
    expect(scormIdProblem('x'.repeat(251))).toMatch(/is 251 characters long; SCORM allows at most 250/);
  });
});
