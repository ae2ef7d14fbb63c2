import { deciderSpec } from '@ics2/testing';
import { rifDecider } from './rif.decider';
import { activated, backtested, BE, closed, content, deactivated, drafted, edited, expired, feedbackRecorded, FR, published, withProfile } from './rif-events.test-harness';

const given = deciderSpec(rifDecider);

describe('RIF evolve', () => {
  it('folds a draft, its publication, feedback (each Member State once), close', () => {
    expect(given([drafted()]).state()).toMatchObject({ status: 'draft', recipients: null, publishedAt: null, feedbackFrom: [] });
    const state = given([drafted(), published(['FR', 'BE']), feedbackRecorded(FR), feedbackRecorded(BE), feedbackRecorded(FR), closed()]).state();
    expect(state).toMatchObject({ status: 'closed', recipients: ['FR', 'BE'], feedbackFrom: ['FR', 'BE'] });
  });

  it('remembers the backtest until an edit changes the profile', () => {
    expect(given([drafted({ content: withProfile() }), backtested()]).state()).toMatchObject({ backtest: { filings: 120, hit: 3 } });
    expect(given([drafted({ content: withProfile() }), backtested(), edited({ ...withProfile(), title: 'renamed' })]).state()).toMatchObject({ backtest: { hit: 3 } });
    expect(given([drafted({ content: withProfile() }), backtested(), edited(withProfile({ score: 99 }))]).state()).toMatchObject({ backtest: null });
    expect(given([drafted({ content: withProfile() }), backtested(), edited(content())]).state()).toMatchObject({ backtest: null });
  });

  it('tracks the profile being live', () => {
    expect(given([drafted({ content: withProfile() }), published(), backtested(), activated()]).state()).toMatchObject({ profileActive: true });
    expect(given([drafted({ content: withProfile() }), published(), backtested(), activated(), deactivated(), expired()]).state()).toMatchObject({ profileActive: false, status: 'expired' });
  });

  it('accepts history as it is: an event before any draft changes nothing', () => expect(given([published()]).state()).toEqual({ status: 'none' }));
});
