/**
 * The filings of an ENS as the common repository now holds them, read from its published events on the head's
 * `ens-<mrn>` stream (never its tables): the head and the houses linked to it, less those released since (a house
 * invalidated), with the person filing of each (the head's from its registration, a house's from the link). A
 * decision to control is told to these, not to the members of an analysis that may predate a refiling. An ended
 * head (invalidated, rejected) has none; a stream not found gives undefined, and the case's own members stand.
 */
import { Inject, Injectable } from '@nestjs/common';
import type { EnsEvent } from '@ics2/contracts';
import { ensStream, type EventStore } from '@ics2/event-store';
import { EVENT_STORE } from '@ics2/platform';

export interface EnsMember {
  readonly mrn: string;
  readonly personFiling: string;
}

@Injectable()
export class EnsMembersQuery {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async of(headMrn: string): Promise<readonly EnsMember[] | undefined> {
    const history = (await this.store.readStream(ensStream(headMrn))).map((e) => ({ type: e.type, data: e.data }) as EnsEvent);
    const registered = history.find((e) => e.type === 'EnsFilingRegistered');
    if (registered?.type !== 'EnsFilingRegistered') return undefined;
    const houses = new Map<string, string>();
    for (const e of history) {
      if (e.type === 'EnsFilingLinked') houses.set(e.data.linkedMrn, e.data.linkedParties.filedBy);
      else if (e.type === 'EnsFilingUnlinked') houses.delete(e.data.unlinkedMrn);
      else if (e.type === 'EnsFilingInvalidated' || e.type === 'EnsFilingRejected') return [];
    }
    return [{ mrn: headMrn, personFiling: registered.data.parties.filedBy }, ...[...houses].map(([mrn, personFiling]) => ({ mrn, personFiling }))];
  }
}
