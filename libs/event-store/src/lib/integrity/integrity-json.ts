import type { Position } from '../recorded-event';
import type { SignedCheckpoint } from './signed-checkpoint';

/*
 * The JSON forms of what auditors keep (verification reports, audit bundles). Positions hold bigints, which JSON
 * has not: they are written as decimal strings, `{"commit":"740","prepare":"12"}`, the form the checkpoint signing
 * payload already uses. Reading back is by path, never by shape, so event data that happens to look like a position
 * stays exactly as it was (its hash depends on it).
 */

/** A document that is not what it says it is: `path` names the first member that is wrong. */
export class MalformedDocumentError extends Error {
  constructor(
    readonly path: string,
    problem: string,
  ) {
    super(`${path}: ${problem}`);
    this.name = 'MalformedDocumentError';
  }
}

/** JSON text with bigints as decimal strings; indented, since people read these files too. */
export function integrityJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => (typeof v === 'bigint' ? v.toString() : v), 2);
}

export function parseJsonText(text: string, what: string): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new MalformedDocumentError('$', `not JSON, so not ${what}: ${e instanceof Error ? e.message : String(e)}`);
  }
}

export type JsonObject = Readonly<Record<string, unknown>>;

export function objectAt(value: unknown, path: string): JsonObject {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new MalformedDocumentError(path, 'an object was expected');
  return value as JsonObject;
}

export function arrayAt(value: unknown, path: string): readonly unknown[] {
  if (!Array.isArray(value)) throw new MalformedDocumentError(path, 'an array was expected');
  return value;
}

export function stringAt(value: unknown, path: string): string {
  if (typeof value !== 'string') throw new MalformedDocumentError(path, 'a string was expected');
  return value;
}

export function integerAt(value: unknown, path: string): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) throw new MalformedDocumentError(path, 'a non-negative integer was expected');
  return value;
}

export function booleanAt(value: unknown, path: string): boolean {
  if (typeof value !== 'boolean') throw new MalformedDocumentError(path, 'true or false was expected');
  return value;
}

const DECIMAL = /^-?\d+$/;

export function positionFromJson(value: unknown, path: string): Position {
  const o = objectAt(value, path);
  const part = (k: 'commit' | 'prepare') => {
    const v = o[k];
    if (typeof v !== 'string' || !DECIMAL.test(v)) throw new MalformedDocumentError(`${path}.${k}`, 'a decimal string was expected');
    return BigInt(v);
  };
  return { commit: part('commit'), prepare: part('prepare') };
}

/** A signed checkpoint, field by field: nothing the signature does not cover is carried over but its row id. */
export function checkpointFromJson(value: unknown, path: string): SignedCheckpoint {
  const o = objectAt(value, path);
  const version = o.version === undefined ? undefined : integerAt(o.version, `${path}.version`);
  if (version !== undefined && version !== 1 && version !== 2 && version !== 3) throw new MalformedDocumentError(`${path}.version`, `unknown claim version ${version}`);
  return {
    ...(o.id === undefined ? {} : { id: stringAt(o.id, `${path}.id`) }),
    ...(version === undefined ? {} : { version }),
    position: positionFromJson(o.position, `${path}.position`),
    eventCount: integerAt(o.eventCount, `${path}.eventCount`),
    digest: stringAt(o.digest, `${path}.digest`),
    ...(o.merkleRoot === undefined ? {} : { merkleRoot: stringAt(o.merkleRoot, `${path}.merkleRoot`) }),
    ...(o.streamCount === undefined ? {} : { streamCount: integerAt(o.streamCount, `${path}.streamCount`) }),
    ...(o.headsRoot === undefined ? {} : { headsRoot: stringAt(o.headsRoot, `${path}.headsRoot`) }),
    keyId: stringAt(o.keyId, `${path}.keyId`),
    createdAt: stringAt(o.createdAt, `${path}.createdAt`),
    signature: stringAt(o.signature, `${path}.signature`),
  };
}
