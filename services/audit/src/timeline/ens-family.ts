/**
 * Which streams tell the story of one MRN: the filings of its ENS (the filing, the master or houses it is linked
 * with, the members of each completion), the risk and control streams of the ENS head, and the arrivals that
 * named it. Pure: read from the ENS events themselves, never from a read model.
 */
import type { EnsEvent } from '@ics2/contracts';
import { arrivalStream, controlStream, ensStream, riskStream } from '@ics2/event-store';

export interface EnsFamily {
  readonly mrns: ReadonlySet<string>;
  /** The MRNs that headed a completion (risk and control streams are theirs). */
  readonly heads: ReadonlySet<string>;
  readonly arrivals: ReadonlySet<string>;
}

export function familyOf(mrn: string, events: readonly EnsEvent[]): EnsFamily {
  const mrns = new Set([mrn]);
  const heads = new Set<string>();
  const arrivals = new Set<string>();
  for (const e of events) {
    mrns.add(e.data.mrn);
    if (e.type === 'EnsFilingLinked') mrns.add(e.data.linkedMrn);
    if (e.type === 'EnsFilingCompleted') {
      for (const m of e.data.members) mrns.add(m);
      if (e.data.members[0]) heads.add(e.data.members[0]);
    }
    if (e.type === 'EnsFilingArrived' || e.type === 'EnsArrivalRefused') arrivals.add(e.data.arrivalMrn);
  }
  return { mrns, heads, arrivals };
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
