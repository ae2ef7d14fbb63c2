/** What the audit doors share: coded refusals and the purpose header as OpenAPI documents it. */
import { PlatformError, PURPOSE_HEADER } from '@ics2/platform';

export const invalid = (pointer: string, description: string, code = '12') =>
  new PlatformError('validation', 'AUDIT.INVALID_REQUEST', description, [{ validationCode: code, pointer, description }]);

export const PURPOSE_API_HEADER = {
  name: PURPOSE_HEADER,
  required: true,
  description: 'Why this read is made (3 to 200 characters); recorded in the access log with who made it and when.',
  example: 'ECA 2026 audit of ICS2 risk management, case 17',
};

/** An ISO-8601 instant from a query parameter; undefined when absent. */
export function instantOf(value: string | undefined, pointer: string): Date | undefined {
  if (value === undefined || value === '') return undefined;
  const at = new Date(value);
  if (!/^\d{4}-\d{2}-\d{2}T/.test(value) || Number.isNaN(at.getTime())) throw invalid(pointer, 'an ISO-8601 instant, e.g. 2026-12-01T10:00:00Z');
  return at;
}
