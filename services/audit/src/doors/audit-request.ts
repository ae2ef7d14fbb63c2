/**
 * What every audit door call carries on to the services it asks: the auditor's own token (each service checks the
 * role itself), the correlation id, and the stated purpose, which every read must have (x-ics2-purpose).
 */
import { correlationIdOf, purposeFrom, purposeRequired, PURPOSE_HEADER, type CallContext } from '@ics2/platform';

export interface AuditRequest extends CallContext {
  readonly purpose: string;
}

export function auditRequestOf(req: { headers: Record<string, string | string[] | undefined> }): AuditRequest {
  const purpose = purposeFrom(req.headers[PURPOSE_HEADER]);
  if (!purpose) throw purposeRequired();
  const authorization = req.headers['authorization'];
  return { authorization: typeof authorization === 'string' ? authorization : '', correlationId: correlationIdOf(req), purpose, metadata: { [PURPOSE_HEADER]: purpose } };
}
