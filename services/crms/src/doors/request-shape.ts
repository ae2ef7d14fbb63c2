/**
 * The shape of a request, checked at the door (STYLE: syntax at the door, rules in the deciders): required texts
 * present (X01), texts within their lengths (12) and free of control characters (102), instants that parse (12);
 * every problem at once, each at its JSON pointer, and nothing written. Empty proto strings mean "not given".
 */
import { isIsoInstant, normaliseMemberStateCode } from '@ics2/domain';
import { issue, throwIfIssues, type Issue } from './door-answers';

export const SHORT = 200;
export const LONG = 10_000;

/**
 * C0 controls but tab, line feed and carriage return (a RIF's narrative keeps its lines), DEL and C1: no reader's
 * text, and the store keeps no NUL character (one failed the RIF stream's append, INTERNAL).
 */
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;

export class Shape {
  readonly issues: Issue[] = [];

  required(value: string, pointer: string, max = SHORT): string {
    if (value === '') this.issues.push(issue(pointer, 'required', 'X01'));
    else this.text(value, pointer, max);
    return value;
  }

  optional(value: string, pointer: string, max = SHORT): string | undefined {
    if (value === '') return undefined;
    this.text(value, pointer, max);
    return value;
  }

  private text(value: string, pointer: string, max: number): void {
    if (value.length > max) this.issues.push(issue(pointer, `at most ${max} characters`));
    else if (CONTROL.test(value)) this.issues.push(issue(pointer, 'a control character (tab, line feed and carriage return aside)', '102'));
  }

  instant(value: string, pointer: string): string {
    if (value === '') this.issues.push(issue(pointer, 'required', 'X01'));
    else if (!isIsoInstant(value)) this.issues.push(issue(pointer, 'an ISO-8601 UTC instant, e.g. 2026-12-01T00:00:00Z'));
    return value === '' || !isIsoInstant(value) ? value : new Date(Date.parse(value)).toISOString();
  }

  list<T>(values: readonly T[], pointer: string, max = 100): readonly T[] {
    if (values.length > max) this.issues.push(issue(pointer, `at most ${max} entries`));
    return values;
  }

  done(): void {
    throwIfIssues(this.issues);
  }
}


/**
 * Member States as a request names them: upper case, Greece's EL read as GR, the code the Greek token and the
 * participants list carry (else a RIF or alert to EL was refused, and one that got through would reach nobody).
 * Whether each is a participant is the decider's to say.
 */
export const memberStatesOf = (memberStates: readonly string[]): string[] => memberStates.map((m) => normaliseMemberStateCode(m.trim().toUpperCase()));

/** `all`, or the named Member States (memberStatesOf); both or neither is malformed. */
export function recipientsOf(all: boolean, memberStates: readonly string[]): 'all' | string[] {
  if (all && memberStates.length) throwIfIssues([issue('/memberStates', 'either every Member State or named ones, not both')]);
  if (!all && memberStates.length === 0) throwIfIssues([issue('/memberStates', 'every Member State, or at least one named', 'X01')]);
  return all ? 'all' : memberStatesOf(memberStates);
}
