/** IE3Q04: decided on the filing's stream; a retried request (same message id) answers with the first outcome. */
import { Injectable } from '@nestjs/common';
import type { Ics2Error } from '@ics2/contracts';
import { refusalError } from '../doors/door-answers';
import { FilingCommands } from '../doors/filing-commands';

export interface InvalidationAnswer {
  readonly mrn: string;
  readonly lrn: string;
  readonly at: string;
  readonly errors: readonly Ics2Error[];
  readonly replayed: boolean;
}

@Injectable()
export class InvalidateFilingHandler {
  constructor(private readonly commands: FilingCommands) {}

  async handle(mrn: string, messageId: string, sender: string, now: Date): Promise<InvalidationAnswer> {
    const outcome = await this.commands.run({
      mrn,
      command: { type: 'InvalidateFiling', data: { messageId, by: sender, at: now.toISOString() } },
      commandId: `invalidate-${mrn}-${sender}-${messageId}`, // the sender too: a message id replays only its own sender's answer
      actor: { kind: 'trader', eori: sender },
      at: now,
    });
    if (outcome.kind === 'refused') throw refusalError(outcome.refusal, mrn);
    if (outcome.kind === 'unchanged') throw new Error(`invalidation of ${mrn} decided nothing`);
    const lrn = outcome.state.status === 'none' ? '' : outcome.state.lrn;
    const [event] = outcome.events;
    const replayed = outcome.kind === 'replayed';
    if (event?.type === 'EnsFilingInvalidated') return { mrn, lrn, at: event.data.invalidatedAt, errors: [], replayed };
    if (event?.type === 'EnsInvalidationRejected') return { mrn, lrn, at: event.data.rejectedAt, errors: event.data.errors, replayed };
    throw new Error(`invalidation of ${mrn} produced ${event?.type}`);
  }
}
