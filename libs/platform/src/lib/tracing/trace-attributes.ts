/**
 * The attribute that ties traces to ICS2 cases: `ics2.mrn`, set where a request, a reply or an event names one
 * (gRPC messages' top-level `mrn` field, an HTTP route's `:mrn`, an event's correlation id, an `ens-<mrn>` stream).
 * A trace backend then finds every trace of one filing, the subscribers' ones included.
 */
import type { Span } from '@opentelemetry/api';
import { isMrn } from '@ics2/domain';

export const MRN_ATTRIBUTE = 'ics2.mrn';

/** The MRN in a message's top-level `mrn` field, when it is a valid one. */
export function mrnIn(message: unknown): string | undefined {
  const value = message !== null && typeof message === 'object' ? (message as { mrn?: unknown }).mrn : undefined;
  return isMrn(value) ? value : undefined;
}

/** The MRN a stream is about, for the streams named `<category>-<mrn>` (ens, risk, control, arrival...). */
export function mrnOfStream(streamId: string): string | undefined {
  const dash = streamId.indexOf('-');
  const rest = dash < 0 ? '' : streamId.slice(dash + 1);
  return isMrn(rest) ? rest : undefined;
}

/** The correlation id when it is an MRN (events carry the MRN there where there is one). */
export const mrnOfCorrelation = (correlationId: string | undefined): string | undefined => (isMrn(correlationId) ? correlationId : undefined);

const noted = new WeakSet<Span>();

/** Sets ics2.mrn once per span: the first MRN a request names is the one it is about (a search may name many). */
export function noteMrn(span: Span | undefined, mrn: string | undefined): void {
  if (!span || !mrn || noted.has(span)) return;
  noted.add(span);
  span.setAttribute(MRN_ATTRIBUTE, mrn);
}
