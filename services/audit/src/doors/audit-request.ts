/**
 * What every audit door call carries on to the services it asks: the auditor's own token (each service checks the
 * role itself), the correlation id, and the stated purpose, which every read must have (x-ics2-purpose).
 */
import { correlationIdOf, purposeFrom, purposeRequired, PURPOSE_HEADER, type CallContext } from '@ics2/platform';
import { invalid } from './audit-answers';

export interface AuditRequest extends CallContext {
  readonly purpose: string;
}

/**
 * The owners are asked over gRPC, whose metadata carries printable ASCII only: a purpose with any other letter (the
 * purpose rule takes every script's) failed there, a state or a view answered 500 and a timeline lost its deliveries.
 * Until the purpose travels encoded, the door refuses it before anything is read or recorded.
 */
const FORWARDABLE = /^[ -~]*$/;

export function auditRequestOf(req: { headers: Record<string, string | string[] | undefined> }): AuditRequest {
  const purpose = purposeFrom(req.headers[PURPOSE_HEADER]);
  if (!purpose) throw purposeRequired();
  if (!FORWARDABLE.test(purpose)) throw invalid('/purpose', 'a purpose in printable ASCII (the services this door asks carry it in gRPC metadata, which holds no other characters)');
  const authorization = req.headers['authorization'];
  return { authorization: typeof authorization === 'string' ? authorization : '', correlationId: correlationIdOf(req), purpose, metadata: { [PURPOSE_HEADER]: purpose } };
}
