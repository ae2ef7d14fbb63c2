import type { EnsEvent, EnsCompletenessPending } from '@ics2/contracts';
import { houseConsignmentsOf } from '@ics2/contracts';
import type { NoteCompleteness } from '../filing.commands';
import type { FilingRefusal } from '../filing.refusals';
import type { FilingState, RecordedFiling } from '../filing.state';

/**
 * A master still missing house filings once the linking processor has linked what it could becomes "ENS pending
 * completeness": IE3N02 to the person filing and the carrier, IE3N11 to each party expected to file (ics2-reference
 * 7.2). Noted once; nothing to note for a complete, linked or non-master filing. An ENS that is pending again (a
 * house invalidated) is noted again by the release itself (`unlink-filing.ts`).
 */
export function noteCompleteness(command: NoteCompleteness['data'], state: FilingState): readonly EnsEvent[] | FilingRefusal {
  if (state.status !== 'registered' || state.level !== 'master' || state.pendingNoted || state.missing.length === 0) return [];
  return [completenessPending(state, state.missing, command.at)];
}

/** The houses a master misses, each with the party the master names as its expected filer, if any. */
export function completenessPending(state: RecordedFiling, missingDocuments: readonly string[], at: string): EnsCompletenessPending {
  const expectedFiler = new Map(
    houseConsignmentsOf(state.filing).map((h) => [h.transportDocumentHouseLevel?.documentNumber ?? '', h.supplementaryDeclarant?.identificationNumber]),
  );
  const missing = missingDocuments.map((houseDocument) => {
    const filer = expectedFiler.get(houseDocument);
    return filer ? { houseDocument, expectedFiler: filer } : { houseDocument };
  });
  return { type: 'EnsCompletenessPending', data: { mrn: state.mrn, missing, notedAt: at } };
}
