/**
 * The lifecycle table drives the decider: for every command and status, the author asking gets exactly the table's
 * verdict (a refusal with its rule, or no lifecycle refusal at all).
 */
import type { RifEvent } from '@ics2/contracts';
import { rifDecider } from '../rif.decider';
import type { RifCommand } from '../rif.commands';
import type { RifStatus } from '../rif.state';
import { activate, backtested, close, closed, deactivate, drafted, edit, expire, expired, giveFeedback, published, publish, recordBacktest, withProfile } from '../rif-events.test-harness';
import { RIF_LIFECYCLE, type RifLifecycleCommand } from './lifecycle.table';

const history: Record<RifStatus, RifEvent[]> = {
  draft: [drafted({ content: withProfile() }), backtested()],
  published: [drafted({ content: withProfile() }), backtested(), published()],
  closed: [drafted({ content: withProfile() }), published(), closed()],
  expired: [drafted({ content: withProfile() }), published(), expired()],
};

// Feedback is the recipients', not the author's: asked by FR (a recipient of `published('all')`).
const commands: Record<Exclude<RifLifecycleCommand, 'ExpireRif'>, RifCommand> = {
  EditRif: edit({ ...withProfile(), title: 'new title' }),
  PublishRif: publish(),
  RecordFeedback: giveFeedback(),
  CloseRif: close(),
  BacktestProfile: recordBacktest(),
  ActivateProfile: activate(),
  DeactivateProfile: deactivate(),
};

describe('RIF lifecycle table', () => {
  for (const [name, command] of Object.entries(commands) as [Exclude<RifLifecycleCommand, 'ExpireRif'>, RifCommand][]) {
    for (const status of Object.keys(history) as RifStatus[]) {
      const verdict = RIF_LIFECYCLE[name][status];
      // Feedback on a draft never reaches the table: nobody but its author sees a draft (not found).
      if (name === 'RecordFeedback' && status === 'draft') continue;
      it(`${name} on a ${status} RIF: ${verdict}`, () => {
        const decision = rifDecider.decide(command, history[status].reduce(rifDecider.evolve, rifDecider.initialState()));
        if (verdict === 'ok') expect(decision).not.toMatchObject({ kind: 'lifecycle' });
        else expect(decision).toEqual({ kind: 'lifecycle', rule: verdict });
      });
    }
  }

  it('ExpireRif: only a published RIF expires; other states are nothing to do', () => {
    for (const status of Object.keys(history) as RifStatus[]) {
      const decision = rifDecider.decide(expire('2030-01-01T00:00:00.000Z'), history[status].reduce(rifDecider.evolve, rifDecider.initialState()));
      expect((decision as unknown[]).length > 0).toBe(RIF_LIFECYCLE.ExpireRif[status] === 'ok');
    }
  });
});
