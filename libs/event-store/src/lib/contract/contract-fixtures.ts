import { randomBytes, randomUUID } from 'node:crypto';
import { expect } from '@jest/globals';
import type { EventStore } from '../event-store.port';
import { comparePositions, type EventMetadata, type EventToAppend, type Position, type RecordedEvent } from '../recorded-event';

/**
 * Builders and waits shared by the contract suites. Every test writes to streams of its own, under a category of
 * its own, so tests sharing one store never see each other's events through a filter.
 */

export const metadata: EventMetadata = {
  schemaVersion: 1,
  occurredAt: '2025-03-04T05:06:07.890Z',
  correlationId: '25DE000000000000A1',
  causationId: null,
  actor: { kind: 'system', component: 'contract' },
};

export function anEvent(overrides: Partial<EventToAppend> = {}): EventToAppend {
  return { id: randomUUID(), type: 'ContractProbeRecorded', data: { n: 1 }, metadata, ...overrides };
}

export function someEvents(count: number, overrides: Partial<EventToAppend> = {}): EventToAppend[] {
  return Array.from({ length: count }, (_, n) => anEvent({ data: { n }, ...overrides }));
}

/** A category no other test uses: `c` + 12 hex digits (no dash, so it is the whole category). */
export function aCategory(): string {
  return `c${randomBytes(6).toString('hex')}`;
}

export function aStream(category = 'contract'): string {
  return `${category}-${randomUUID()}`;
}

/** An event type no other test uses, for filters by type. */
export function aType(): string {
  return `ContractProbe${randomBytes(4).toString('hex')}Recorded`;
}

/** The error a promise rejects with; fails the test if it resolves. */
export async function refusal(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (e) {
    return e;
  }
  throw new Error('expected a refusal, the call succeeded');
}

/** Polls `read` until `done` holds (or the time is up, then returns the last value for the assertion to fail on). */
export async function readUntil<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 5_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > deadline) return value;
    await new Promise((r) => setTimeout(r, 10));
  }
}

/**
 * A store may hold back the newest part of its global log while older transactions can still commit (PostgreSQL
 * does, see postgres-read-all.ts): wait until `count` events of the filter are readable.
 */
export function readAllUntil(
  store: EventStore,
  options: Parameters<EventStore['readAll']>[0],
  count: number,
): Promise<RecordedEvent[]> {
  return readUntil(
    () => store.readAll(options),
    (events) => events.length >= count,
  );
}

/**
 * Proves that nothing reached the global log after `position` (the last write the test made): a marker appended now
 * must be the very next event. Tests of one suite run one at a time, so no one else writes meanwhile.
 */
export async function expectNothingWrittenSince(store: EventStore, position: Position): Promise<void> {
  const marker = anEvent({ type: 'ContractMarkerRecorded' });
  const written = await store.append(aStream('marker'), [marker], 'no-stream');
  const after = await readUntil(
    () => store.readAll({ fromPosition: position }),
    (events) => events.some((e) => e.id === marker.id),
  );
  expect(after.map((e) => e.id)).toEqual([marker.id]);
  expect(comparePositions(after[0].position, written.position)).toBe(0);
}

/** The caller's view of a recorded event, to compare with what was appended. */
export function asAppended(e: RecordedEvent): EventToAppend {
  return { id: e.id, type: e.type, data: e.data, metadata: e.metadata };
}

/** Waits until at least `ms` of real time passed since `since` (Date.now() value): a clock tick, not a fixed sleep. */
export async function clockPassed(since: number, ms: number): Promise<void> {
  while (Date.now() < since + ms) await new Promise((r) => setTimeout(r, 1));
}

/**
 * An append's size as the port defines it (README, "Append size"), written out here apart from append-size.ts: per
 * event, its data and its envelope as JSON in UTF-8 bytes, twice its type's length, and 256 bytes.
 */
export function appendSize(events: readonly EventToAppend[]): number {
  return events.reduce((size, e) => {
    const m = e.metadata;
    const envelope = { schemaVersion: m.schemaVersion, occurredAt: m.occurredAt, correlationId: m.correlationId, causationId: m.causationId ?? null, actor: m.actor };
    return size + Buffer.byteLength(JSON.stringify(e.data)) + Buffer.byteLength(JSON.stringify(envelope)) + 2 * e.type.length + 256;
  }, 0);
}

/** An event whose data text (of `unit`, repeated) makes it, alone, `size` bytes as the port counts them. */
export function anEventOfSize(size: number, unit = 'x', overrides: Partial<EventToAppend> = {}): EventToAppend {
  const base = anEvent({ ...overrides, data: { text: '' } });
  const room = size - appendSize([base]);
  const unitBytes = Buffer.byteLength(unit);
  if (room < 0 || room % unitBytes !== 0) throw new Error(`no event of ${size} bytes made of ${JSON.stringify(unit)}`);
  return { ...base, data: { text: unit.repeat(room / unitBytes) } };
}
