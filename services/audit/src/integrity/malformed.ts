/** A document an auditor sends back (a report, a bundle) that is not one: 400 with the JSON path of what is wrong. */
import { MalformedDocumentError } from '@ics2/event-store';
import { invalid } from '../doors/audit-answers';

export function malformed<T>(read: () => T): T {
  try {
    return read();
  } catch (e) {
    if (e instanceof MalformedDocumentError) throw invalid(e.path.replace(/^\$/, '').replace(/\.|\[/g, '/').replace(/\]|"/g, '') || '/', e.message, 'X06');
    throw e;
  }
}
