/** History is fact: every recorded event is accepted as it is; nothing here validates, throws or mutates. */
import type { RifEvent } from '@ics2/contracts';
import { sameJson } from '../rules/canonical-json';
import type { RifState } from './rif.state';

export function evolve(state: RifState, event: RifEvent): RifState {
  if (event.type === 'RifDrafted') {
    const { rifId, author, content } = event.data;
    return { status: 'draft', rifId, author, content, recipients: null, publishedAt: null, feedbackFrom: [], backtest: null, profileActive: false };
  }
  if (state.status === 'none') return state;
  switch (event.type) {
    case 'RifDraftEdited':
      // A backtest tells about the profile it ran on: a changed profile needs a new one.
      return { ...state, content: event.data.content, backtest: sameJson(state.content.riskProfile, event.data.content.riskProfile) ? state.backtest : null };
    case 'RifPublished':
      return { ...state, status: 'published', recipients: event.data.recipients, publishedAt: event.data.publishedAt };
    case 'RifFeedbackRecorded': {
      const ms = event.data.user.memberState;
      return state.feedbackFrom.includes(ms) ? state : { ...state, feedbackFrom: [...state.feedbackFrom, ms] };
    }
    case 'RifClosed':
      return { ...state, status: 'closed' };
    case 'RifExpired':
      return { ...state, status: 'expired' };
    case 'RifProfileBacktested': {
      const { from, to, filings, hit, backtestedAt } = event.data;
      return { ...state, backtest: { from, to, filings, hit, backtestedAt } };
    }
    case 'RifProfileActivated':
      return { ...state, profileActive: true };
    case 'RifProfileDeactivated':
      return { ...state, profileActive: false };
    default: {
      const unhandled: never = event;
      return unhandled;
    }
  }
}
