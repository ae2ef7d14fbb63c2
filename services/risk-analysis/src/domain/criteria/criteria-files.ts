/**
 * Criteria from versioned files: one JSON file per criterion version, named `<id>.v<version>.json`
 * (services/risk-analysis/criteria/eu-sec-001.v1.json). Pure: the service reads the folder and hands over names
 * and contents; this decides what they mean.
 *
 * Refused, each with the file, a JSON pointer into it and a code: a `.json` file whose name is not
 * `<id>.v<version>.json`; content that is not JSON or not a valid criterion (parseCriterion); an id or version
 * other than the file name says; the same id and version twice; versions with gaps (v1, v3 without v2). Names not
 * ending in `.json` (a README, an editor's backup) are not criteria and are skipped.
 */
import type { Criterion } from './criterion';
import { type CriterionErrorCode, parseCriterion } from './parse-criterion';

export interface CriteriaFile {
  /** The file name; a path is allowed, its last segment is the name. */
  readonly name: string;
  readonly content: string;
}

export type CriteriaFileErrorCode = CriterionErrorCode | 'bad-file-name' | 'not-json' | 'name-mismatch' | 'duplicate-version' | 'version-gap';

export interface CriteriaFileError {
  readonly file: string;
  readonly pointer: string;
  readonly code: CriteriaFileErrorCode;
  readonly reason: string;
}

export type LoadedCriteria =
  | { readonly ok: true; readonly criteria: readonly Criterion[] }
  | { readonly ok: false; readonly errors: readonly CriteriaFileError[] };

const FILE_NAME = /^([a-z0-9]+(?:-[a-z0-9]+)*)\.v([1-9][0-9]*)\.json$/;

export const criteriaFileName = (criterion: Pick<Criterion, 'id' | 'version'>): string => `${criterion.id}.v${criterion.version}.json`;

/** Every version of every criterion in the files, ordered by id then version; or every problem found. */
export function loadCriteriaFiles(files: readonly CriteriaFile[]): LoadedCriteria {
  const errors: CriteriaFileError[] = [];
  const loaded: { file: string; criterion: Criterion }[] = [];
  for (const { name: path, content } of files) {
    const file = path.slice(path.lastIndexOf('/') + 1);
    if (!file.endsWith('.json')) continue;
    const named = FILE_NAME.exec(file);
    if (!named) {
      errors.push({ file, pointer: '', code: 'bad-file-name', reason: 'a criteria file is named <id>.v<version>.json' });
      continue;
    }
    let raw: unknown;
    try {
      raw = JSON.parse(content);
    } catch {
      errors.push({ file, pointer: '', code: 'not-json', reason: 'the file is not JSON' });
      continue;
    }
    const parsed = parseCriterion(raw);
    if (!parsed.ok) {
      errors.push(...parsed.errors.map((e) => ({ file, ...e })));
      continue;
    }
    const { criterion } = parsed;
    if (criterion.id !== named[1]) errors.push({ file, pointer: '/id', code: 'name-mismatch', reason: `the file name says ${named[1]}` });
    else if (criterion.version !== Number(named[2])) errors.push({ file, pointer: '/version', code: 'name-mismatch', reason: `the file name says version ${named[2]}` });
    else loaded.push({ file, criterion });
  }

  const byId = new Map<string, { file: string; criterion: Criterion }[]>();
  for (const item of loaded) {
    const versions = byId.get(item.criterion.id);
    if (versions) versions.push(item);
    else byId.set(item.criterion.id, [item]);
  }
  for (const versions of byId.values()) {
    versions.sort((a, b) => a.criterion.version - b.criterion.version);
    versions.forEach((item, i) => {
      const previous = versions[i - 1]?.criterion.version ?? 0;
      if (item.criterion.version === previous) {
        errors.push({ file: item.file, pointer: '/version', code: 'duplicate-version', reason: `${item.criterion.id} version ${previous} is given twice` });
      } else if (item.criterion.version !== previous + 1) {
        errors.push({ file: item.file, pointer: '/version', code: 'version-gap', reason: `${item.criterion.id} has no version ${previous + 1}` });
      }
    });
  }
  if (errors.length > 0) return { ok: false, errors };
  const criteria = [...byId.keys()].sort().flatMap((id) => (byId.get(id) ?? []).map((item) => item.criterion));
  return { ok: true, criteria };
}
