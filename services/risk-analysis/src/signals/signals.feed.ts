/**
 * The Member State signal streams as a keyed feed (@ics2/platform, feeds): one ordered stream per Member State in
 * risk_analysis.signals, numbered from risk_analysis.signal_sequences (migration 20261220-0001). The sequencer
 * numbers each new signal at the very end of the projection's transaction and notifies `risk_analysis_signals`
 * with the Member State's code; keyed-feed.sequencer.ts says why cursors never skip and never repeat.
 */
import { defineKeyedFeed, KeyedFeedSequencer } from '@ics2/platform';
import { RISK_ANALYSIS_SCHEMA } from '../database/schema';
import type { SignalKind } from './signal';
import type { SignalPayload } from './signal-payloads';

/** The channel readers LISTEN on; the payload is the Member State's code. */
export const SIGNALS_CHANNEL = 'risk_analysis_signals';

/** A signal ready for its Member State's stream, waiting for its sequence number. */
export interface PendingSignal {
  readonly id: string;
  readonly memberState: string;
  readonly kind: SignalKind;
  readonly mrn: string;
  readonly analysisId: string;
  readonly phase: string;
  /** The source event's recordedAt (ISO-8601). */
  readonly createdAt: string;
  readonly payload: SignalPayload;
  readonly sourceEventId: string;
}

/** A stored signal as the door reads it (its cursor comes with it, from the feed). */
export interface StoredSignal {
  readonly memberState: string;
  readonly id: string;
  readonly kind: SignalKind;
  readonly mrn: string;
  readonly analysisId: string;
  readonly phase: string;
  readonly createdAt: Date;
  readonly payload: SignalPayload;
  readonly sourceEventId: string;
}

export const SIGNALS_FEED = defineKeyedFeed<PendingSignal, StoredSignal>({
  name: 'risk signals',
  schema: RISK_ANALYSIS_SCHEMA,
  itemsTable: 'signals',
  sequencesTable: 'signal_sequences',
  keyColumn: 'member_state',
  channel: SIGNALS_CHANNEL,
  keyOf: (s) => s.memberState,
  idOf: (s) => s.id,
  columns: [
    { name: 'kind', type: 'text', value: (s) => s.kind },
    { name: 'mrn', type: 'text', value: (s) => s.mrn },
    { name: 'analysis_id', type: 'text', value: (s) => s.analysisId },
    { name: 'phase', type: 'text', value: (s) => s.phase },
    { name: 'created_at', type: 'timestamptz', value: (s) => s.createdAt },
    { name: 'payload', type: 'jsonb', value: (s) => s.payload },
    { name: 'source_event_id', type: 'uuid', value: (s) => s.sourceEventId },
  ],
  read: (row) => ({
    memberState: row.key,
    id: row.id,
    kind: row['kind'] as SignalKind,
    mrn: row['mrn'] as string,
    analysisId: row['analysis_id'] as string,
    phase: row['phase'] as string,
    createdAt: row['created_at'] as Date,
    payload: row['payload'] as SignalPayload,
    sourceEventId: row['source_event_id'] as string,
  }),
});

export const signalsSequencer = new KeyedFeedSequencer(SIGNALS_FEED);
