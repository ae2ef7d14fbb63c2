/**
 * The Member State of presentation records it on the filing's stream; a presented master's linked houses then learn
 * it (NotePresentation), before the door answers, so none of them can be invalidated once the answer is out. Command
 * ids come from the MRNs: a retried request (the same presentation, replayed) notes on the houses a crash missed.
 */
import { Injectable } from '@nestjs/common';
import type { Actor } from '@ics2/domain';
import type { RecordPresentation } from '../domain/filing.commands';
import { FilingCommands, type FilingOutcome } from '../doors/filing-commands';

@Injectable()
export class RecordPresentationHandler {
  constructor(private readonly commands: FilingCommands) {}

  async handle(mrn: string, command: RecordPresentation, actor: Actor, now: Date): Promise<FilingOutcome> {
    const outcome = await this.commands.run({ mrn, command, commandId: `present-${mrn}`, actor, at: now });
    if (outcome.kind === 'refused') return outcome;
    const state = outcome.state;
    if (state.status !== 'presented' || state.level !== 'master' || state.presentedAt === null) return outcome;
    for (const house of new Set(state.linked.map((l) => l.mrn))) {
      await this.commands.run({
        mrn: house,
        command: { type: 'NotePresentation', data: { headMrn: mrn, presentedAt: state.presentedAt, at: now.toISOString() } },
        commandId: `presentation-${mrn}-${house}`,
        actor,
        at: now,
      });
    }
    return outcome;
  }
}
