/**
 * Which streams tell the story of one MRN: the filings of its ENS (the filing, the master or houses it is linked
 * with, the members of each completion), the risk and control streams of the ENS head, and the arrivals that
 * named it. Pure: read from the ENS events themselves, never from a read model.
 */
import type { EnsEvent } from '@ics2/contracts';
import { arrivalStream, comparePositions, controlStream, ensStream, riskStream, type Position, type RecordedEvent } from '@ics2/event-store';

export interface EnsFamily {
  /** Every filing that was ever part of the ENS: its whole history. */
  readonly mrns: ReadonlySet<string>;
  /**
   * The filings linked with the MRN once the events read had happened: a link released since (EnsFilingUnlinked,
   * its partner invalidated or refusing) no longer joins them, so a house invalidated and refiled is not counted twice.
   */
  readonly linked: ReadonlySet<string>;
  /** The MRNs that headed a completion (risk and control streams are theirs). */
  readonly heads: ReadonlySet<string>;
  readonly arrivals: ReadonlySet<string>;
}

export function familyOf(mrn: string, events: readonly EnsEvent[]): EnsFamily {
  const mrns = new Set([mrn]);
  const heads = new Set<string>();
  const arrivals = new Set<string>();
  // Each side's last word on a link, by `<its mrn> <partner>`: each stream's events come in its own order.
  const sides = new Map<string, 'linked' | 'unlinked'>();
  for (const e of events) {
    mrns.add(e.data.mrn);
    if (e.type === 'EnsFilingLinked') {
      mrns.add(e.data.linkedMrn);
      sides.set(`${e.data.mrn} ${e.data.linkedMrn}`, 'linked');
    }
    if (e.type === 'EnsFilingUnlinked') sides.set(`${e.data.mrn} ${e.data.unlinkedMrn}`, 'unlinked');
    if (e.type === 'EnsFilingCompleted') {
      for (const m of e.data.members) mrns.add(m);
      if (e.data.members[0]) heads.add(e.data.members[0]);
    }
    if (e.type === 'EnsFilingArrived' || e.type === 'EnsArrivalRefused') arrivals.add(e.data.arrivalMrn);
  }
  return { mrns, linked: linkedWith(mrn, sides), heads, arrivals };
}

/** The filings reached from `mrn` over links that hold: recorded by a side, and released by neither. */
function linkedWith(mrn: string, sides: ReadonlyMap<string, 'linked' | 'unlinked'>): Set<string> {
  const holds = (a: string, b: string) => {
    const ab = sides.get(`${a} ${b}`);
    const ba = sides.get(`${b} ${a}`);
    return (ab === 'linked' || ba === 'linked') && ab !== 'unlinked' && ba !== 'unlinked';
  };
  const partners = new Map<string, Set<string>>();
  for (const key of sides.keys()) {
    const [a, b] = key.split(' ') as [string, string];
    if (!holds(a, b)) continue;
    for (const [x, y] of [[a, b], [b, a]] as const) partners.set(x, (partners.get(x) ?? new Set()).add(y));
  }
  const linked = new Set([mrn]);
  const queue = [mrn];
  for (let m = queue.shift(); m !== undefined; m = queue.shift()) {
    for (const p of partners.get(m) ?? []) {
      if (linked.has(p)) continue;
      linked.add(p);
      queue.push(p);
    }
  }
  return linked;
}

/** Every stream of the family: the filings', then each head's risk and control streams, then the arrivals'. */
export function streamsOf(family: EnsFamily): string[] {
  const heads = family.heads.size ? [...family.heads] : [...family.mrns];
  return [...[...family.mrns].map(ensStream), ...heads.flatMap((h) => [riskStream(h), controlStream(h)]), ...[...family.arrivals].map(arrivalStream)];
}

/** The family's MRNs, the one asked for first: whose data an answer about the family shows (each read is recorded). */
export function mrnsOf(mrn: string, family: EnsFamily): string[] {
  return [mrn, ...[...family.mrns].filter((m) => m !== mrn).sort()];
}

/** Links are followed this many steps from the MRN asked about: house -> master -> the master's other houses. */
const FAMILY_ROUNDS = 3;

/** A family read from the log, and how many events each of its filings had (by `before`, when one was given). */
export interface FamilyRead {
  readonly family: EnsFamily;
  readonly eventsOf: ReadonlyMap<string, number>;
}

/**
 * The family of an MRN from the filings' own events, read round by round along the links (`read` gives the events
 * of some ENS streams). With `before`, only the events the log held before that position count: the family as it
 * stood then (a filing linked later is not in it, nor one registered later). Undefined when the MRN has no event.
 */
export async function readFamily(
  mrn: string,
  read: (streamIds: readonly string[]) => Promise<readonly RecordedEvent[]>,
  before?: Position,
): Promise<FamilyRead | undefined> {
  const known = new Set<string>();
  const eventsOf = new Map<string, number>();
  let family: EnsFamily = { mrns: new Set([mrn]), linked: new Set([mrn]), heads: new Set(), arrivals: new Set() };
  const events: EnsEvent[] = [];
  for (let round = 0; round < FAMILY_ROUNDS; round++) {
    const next = [...family.mrns].filter((m) => !known.has(m));
    if (next.length === 0) break;
    const streams = new Map(next.map((m) => [ensStream(m), m]));
    const seen = (await read([...streams.keys()])).filter((e) => !before || comparePositions(e.position, before) < 0);
    if (round === 0 && seen.length === 0) return undefined;
    for (const e of seen) {
      const m = streams.get(e.streamId);
      if (m !== undefined) eventsOf.set(m, (eventsOf.get(m) ?? 0) + 1);
      events.push({ type: e.type, data: e.data } as EnsEvent);
    }
    for (const m of next) known.add(m);
    family = familyOf(mrn, events);
  }
  return { family, eventsOf };
}
