/**
 * How one filing of an ENS is told that another was presented, as a command run: the presentation door and linking
 * both send these, with the same command ids (from the two MRNs), so whichever comes first writes the note and the
 * other, or a retry after a crash, finds it done.
 */
import type { Actor } from '@ics2/domain';
import type { FilingCommandRun } from './filing-commands';

/** A house learns that its master (the head of its ENS) was presented (NotePresentation). */
export function housePresentationNote(masterMrn: string, houseMrn: string, presentedAt: string, actor: Actor, at: Date): FilingCommandRun {
  return {
    mrn: houseMrn,
    command: { type: 'NotePresentation', data: { headMrn: masterMrn, presentedAt, at: at.toISOString() } },
    commandId: `presentation-${masterMrn}-${houseMrn}`,
    actor,
    at,
  };
}

/** A master learns that one of its houses was presented (NoteHousePresentation). */
export function masterHousePresentationNote(houseMrn: string, masterMrn: string, presentedAt: string, actor: Actor, at: Date): FilingCommandRun {
  return {
    mrn: masterMrn,
    command: { type: 'NoteHousePresentation', data: { houseMrn, presentedAt, at: at.toISOString() } },
    commandId: `house-presentation-${houseMrn}-${masterMrn}`,
    actor,
    at,
  };
}
