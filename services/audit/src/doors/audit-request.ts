/**
 * What every audit door call carries on to the services it asks: the auditor's own token (each service checks the
 * role itself), the correlation id, and the stated purpose, which every read must have (x-ics2-purpose).
 */
import { correlationIdOf, purposeFrom, purposeHeaderValue, purposeRequired, PURPOSE_HEADER, type CallContext } from '@ics2/platform';
import { invalid } from './audit-answers';

export interface AuditRequest extends CallContext {
  readonly purpose: string;
}

/**
 * A header holds printable ASCII; other letters come percent-encoded (purpose.ts). A raw byte past ASCII is refused
 * rather than guessed at: Node reads header bytes as Latin-1, so UTF-8 letters would be recorded garbled.
 */
const ASCII_HEADER = /^[ -~]*$/;

export function auditRequestOf(req: { headers: Record<string, string | string[] | undefined> }): AuditRequest {
  const raw = req.headers[PURPOSE_HEADER];
  if (typeof raw === 'string' && !ASCII_HEADER.test(raw)) {
    throw invalid('/purpose', 'a purpose header in printable ASCII: percent-encode other letters as UTF-8 (encodeURIComponent), e.g. Pr%C3%BCfung');
  }
  const purpose = purposeFrom(raw);
  if (!purpose) throw purposeRequired();
  const authorization = req.headers['authorization'];
  // Passed on to the owners over gRPC as the header came (percent-encoded when it holds other letters).
  return { authorization: typeof authorization === 'string' ? authorization : '', correlationId: correlationIdOf(req), purpose, metadata: { [PURPOSE_HEADER]: purposeHeaderValue(purpose) } };
}
