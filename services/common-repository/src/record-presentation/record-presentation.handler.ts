/**
 * The Member State of presentation records it on the filing's stream; then, before the door answers, the filings of
 * its ENS learn it: a presented master's linked houses (NotePresentation), a presented house's master
 * (NoteHousePresentation). So none of them can be invalidated or amended once the answer is out, and a master's
 * invalidation never releases a presented house. Command ids come from the MRNs: a retried request (the same
 * presentation, replayed) notes what a crash missed.
 */
import { Injectable } from '@nestjs/common';
import type { Actor } from '@ics2/domain';
import type { RecordPresentation } from '../domain/filing.commands';
import { FilingCommands, type FilingOutcome } from '../doors/filing-commands';
import { housePresentationNote, masterHousePresentationNote } from '../doors/presentation-notes';

@Injectable()
export class RecordPresentationHandler {
  constructor(private readonly commands: FilingCommands) {}

  async handle(mrn: string, command: RecordPresentation, actor: Actor, now: Date): Promise<FilingOutcome> {
    // The office in the id: a presentation sent again replays, one at another office is decided (and refused).
    const outcome = await this.commands.run({ mrn, command, commandId: `present-${mrn}-${command.data.office}`, actor, at: now });
    if (outcome.kind === 'refused') return outcome;
    const state = outcome.state;
    if (state.status !== 'presented' || state.presentedAt === null) return outcome;
    const { presentedAt } = state;
    if (state.level === 'master') {
      for (const house of new Set(state.linked.map((l) => l.mrn))) await this.commands.run(housePresentationNote(mrn, house, presentedAt, actor, now));
    } else {
      for (const master of new Set(state.linked.filter((l) => l.level === 'master').map((l) => l.mrn))) {
        await this.commands.run(masterHousePresentationNote(mrn, master, presentedAt, actor, now));
      }
    }
    return outcome;
  }
}
