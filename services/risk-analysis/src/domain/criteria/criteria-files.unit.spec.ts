import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ecommerceHouseFiling, sampleFiling } from '@ics2/testing';
import { compileCriteria } from './criteria-engine';
import { criteriaFileName, type CriteriaFile, loadCriteriaFiles } from './criteria-files';
import { criterion, subjectOf } from './criteria.test-harness';

const file = (fields: Parameters<typeof criterion>[0], name?: string): CriteriaFile => {
  const c = criterion(fields);
  return { name: name ?? criteriaFileName(c), content: JSON.stringify(c) };
};
const condition = { kind: 'hsPrefix', prefixes: ['93'] } as const;
const errorsOf = (files: CriteriaFile[]) => {
  const loaded = loadCriteriaFiles(files);
  return loaded.ok ? [] : loaded.errors.map(({ file: name, pointer, code }) => ({ file: name, pointer, code }));
};

const STARTER = join(__dirname, '..', '..', 'criteria-files');
const starterFiles = (): CriteriaFile[] => readdirSync(STARTER).map((name) => ({ name, content: readFileSync(join(STARTER, name), 'utf8') }));

describe('criteria files', () => {
  describe('one file per version, named after the id and version', () => {
    it('load every version, ordered by id then version', () => {
      const loaded = loadCriteriaFiles([
        file({ id: 'eu-b-001', condition }),
        file({ id: 'eu-a-001', version: 2, condition }),
        file({ id: 'eu-a-001', version: 1, condition }),
        { name: 'README.md', content: '# not a criterion' },
      ]);
      expect(loaded.ok && loaded.criteria.map((c) => `${c.id}.v${c.version}`)).toEqual(['eu-a-001.v1', 'eu-a-001.v2', 'eu-b-001.v1']);
    });

    it('take the last segment of a path as the name', () => {
      expect(errorsOf([file({ id: 'eu-a-001', condition }, 'criteria/eu-a-001.v1.json')])).toEqual([]);
    });
  });

  describe('refused files', () => {
    it.each<[string, CriteriaFile[], { file: string; pointer: string; code: string }[]]>([
      ['a JSON file not named <id>.v<version>.json', [file({ id: 'eu-a-001', condition }, 'eu-a-001.json')], [{ file: 'eu-a-001.json', pointer: '', code: 'bad-file-name' }]],
      ['version 0 in the name', [file({ id: 'eu-a-001', condition }, 'eu-a-001.v0.json')], [{ file: 'eu-a-001.v0.json', pointer: '', code: 'bad-file-name' }]],
      ['content that is not JSON', [{ name: 'eu-a-001.v1.json', content: '{ id: ' }], [{ file: 'eu-a-001.v1.json', pointer: '', code: 'not-json' }]],
      ['an invalid criterion', [{ name: 'eu-a-001.v1.json', content: JSON.stringify({ ...criterion({ id: 'eu-a-001', condition }), score: 0 }) }], [{ file: 'eu-a-001.v1.json', pointer: '/score', code: 'out-of-range' }]],
      ['an id other than the name says', [file({ id: 'eu-a-001', condition }, 'eu-a-002.v1.json')], [{ file: 'eu-a-002.v1.json', pointer: '/id', code: 'name-mismatch' }]],
      ['a version other than the name says', [file({ id: 'eu-a-001', version: 2, condition }, 'eu-a-001.v1.json')], [{ file: 'eu-a-001.v1.json', pointer: '/version', code: 'name-mismatch' }]],
      ['the same id and version twice', [file({ id: 'eu-a-001', condition }), file({ id: 'eu-a-001', condition }, 'other/eu-a-001.v1.json')], [{ file: 'eu-a-001.v1.json', pointer: '/version', code: 'duplicate-version' }]],
      ['a gap in the versions', [file({ id: 'eu-a-001', condition }), file({ id: 'eu-a-001', version: 3, condition })], [{ file: 'eu-a-001.v3.json', pointer: '/version', code: 'version-gap' }]],
      ['versions not starting at 1', [file({ id: 'eu-a-001', version: 2, condition })], [{ file: 'eu-a-001.v2.json', pointer: '/version', code: 'version-gap' }]],
    ])('%s', (_case, files, expected) => {
      expect(errorsOf(files)).toEqual(expected);
    });

    it('refuse the whole set when one file is wrong', () => {
      expect(loadCriteriaFiles([file({ id: 'eu-a-001', condition }), { name: 'eu-b-001.v1.json', content: '[]' }]).ok).toBe(false);
    });
  });

  describe('the starter set in services/risk-analysis/criteria', () => {
    const loaded = loadCriteriaFiles(starterFiles());
    const criteria = loaded.ok ? loaded.criteria : [];

    it('parses, every file', () => {
      expect(loaded.ok ? [] : loaded.errors).toEqual([]);
      expect(criteria).toHaveLength(starterFiles().length);
    });

    it('holds about twenty EU-wide criteria and a few Member States’ own', () => {
      const euWide = new Set(criteria.filter((c) => c.owner.kind === 'eu').map((c) => c.id));
      const national = new Set(criteria.filter((c) => c.owner.kind === 'member-state').map((c) => c.id));
      expect(euWide.size).toBeGreaterThanOrEqual(20);
      expect(national.size).toBeGreaterThanOrEqual(3);
    });

    it('says in every file that its lists are illustrative', () => {
      expect(criteria.filter((c) => !/illustrative/i.test(`${c.title} ${c.notes ?? ''}`)).map((c) => c.id)).toEqual([]);
    });

    it('compiles, with one version of each criterion in force at any instant', () => {
      for (const at of ['2025-03-01T00:00:00Z', '2025-09-01T00:00:00Z']) {
        const compiled = compileCriteria(criteria, at);
        expect(compiled.active).toHaveLength(new Set(criteria.map((c) => c.id)).size);
      }
      const versions = (at: string) => compileCriteria(criteria, at).active.find((c) => c.id === 'eu-sec-006')?.version;
      expect([versions('2025-06-30T23:59:59Z'), versions('2025-07-01T00:00:00Z')]).toEqual([1, 2]);
    });

    it('evaluates realistic filings', () => {
      const compiled = compileCriteria(criteria, '2025-09-01T00:00:00Z');
      const filings = [...Array.from({ length: 40 }, (_, i) => ecommerceHouseFiling(i)), sampleFiling('F10', { seed: 3 }), sampleFiling('F50', { seed: 3 })];
      const hits = filings.flatMap((f) => compiled.evaluate(subjectOf(f)).hits);
      expect(hits.length).toBeGreaterThan(0);
      expect(hits.every((h) => compiled.active.some((a) => a.id === h.criterionId && a.version === h.version))).toBe(true);
    });
  });
});
