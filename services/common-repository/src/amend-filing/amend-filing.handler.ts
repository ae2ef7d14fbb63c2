/** IE3Axx: the amendment is decided on the filing's stream; the reply is rebuilt from the events either way. */
import { Injectable } from '@nestjs/common';
import type { EnsEvent, EnsFiling, Ics2Error } from '@ics2/contracts';
import { refusalError } from '../doors/door-answers';
import { FilingCommands } from '../doors/filing-commands';

export interface AmendmentAnswer {
  readonly mrn: string;
  readonly lrn: string;
  readonly amendedAt: string;
  readonly changed: readonly string[];
  readonly errors: readonly Ics2Error[];
  readonly replayed: boolean;
}

@Injectable()
export class AmendFilingHandler {
  constructor(private readonly commands: FilingCommands) {}

  async handle(mrn: string, messageId: string, filing: EnsFiling, sender: string, now: Date): Promise<AmendmentAnswer> {
    const outcome = await this.commands.run({
      mrn,
      command: { type: 'AmendFiling', data: { messageId, filing, by: sender, at: now.toISOString() } },
      commandId: `amend-${mrn}-${sender}-${messageId}`, // the sender too: a message id replays only its own sender's answer
      actor: { kind: 'trader', eori: sender },
      at: now,
    });
    if (outcome.kind === 'refused') throw refusalError(outcome.refusal, mrn);
    if (outcome.kind === 'unchanged') throw new Error(`amendment of ${mrn} decided nothing`);
    return answerOf(mrn, outcome.events, outcome.kind === 'replayed');
  }
}

function answerOf(mrn: string, events: readonly EnsEvent[], replayed: boolean): AmendmentAnswer {
  const [first] = events;
  if (first?.type === 'EnsFilingAmended') {
    return { mrn, lrn: first.data.filing.lrn, amendedAt: first.data.amendedAt, changed: first.data.changed, errors: [], replayed };
  }
  if (first?.type === 'EnsAmendmentRejected') return { mrn, lrn: '', amendedAt: first.data.rejectedAt, changed: [], errors: first.data.errors, replayed };
  throw new Error(`amendment of ${mrn} produced ${first?.type}`);
}
