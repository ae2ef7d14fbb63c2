/** A criterion's content as one string, keys sorted: two recordings of the same version are compared by it. */
import type { Criterion } from '@ics2/contracts';

function sorted(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sorted);
  if (value && typeof value === 'object') return Object.fromEntries(Object.keys(value).sort().map((k) => [k, sorted((value as Record<string, unknown>)[k])]));
  return value;
}

export const canonicalCriterion = (criterion: Criterion): string => JSON.stringify(sorted(criterion));
