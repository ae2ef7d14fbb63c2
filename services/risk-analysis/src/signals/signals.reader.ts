/**
 * Reads a Member State's signal stream: the platform's keyed-feed reader over risk_analysis.signals (replay after
 * a cursor, then live, woken by the feed's NOTIFY, looking again every SIGNALS_RECHECK_MS regardless).
 */
import { Injectable } from '@nestjs/common';
import { FEED_RECHECK_MS, KeyedFeedQuery, KeyedFeedReader, ReadModelDatabase } from '@ics2/platform';
import { SIGNALS_FEED, type StoredSignal } from './signals.feed';
import { SignalsListener } from './signals.listener';

/** Longest an open stream trusts notifications alone before it looks again. */
export const SIGNALS_RECHECK_MS = FEED_RECHECK_MS;

@Injectable()
export class SignalsReader extends KeyedFeedReader<StoredSignal> {
  constructor(db: ReadModelDatabase, listener: SignalsListener) {
    super(new KeyedFeedQuery(SIGNALS_FEED, db), listener, { recheckMs: SIGNALS_RECHECK_MS });
  }
}
