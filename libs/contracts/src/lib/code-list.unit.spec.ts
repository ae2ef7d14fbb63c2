import { isCodeOf } from './code-list';
import { CONTROL_OUTCOMES } from './control/control-events';
import { CONTROL_TYPES, SCREENING_METHODS, SCREENING_RESULTS } from './risk/screening-codes.table';

describe('isCodeOf', () => {
  it("takes each of a list's own codes", () => {
    for (const list of [CONTROL_TYPES, CONTROL_OUTCOMES, SCREENING_METHODS, SCREENING_RESULTS]) for (const code of Object.keys(list)) expect(isCodeOf(list, code)).toBe(true);
  });
  it.each(['constructor', 'toString', 'valueOf', 'hasOwnProperty', '__proto__', 'isPrototypeOf', '', 'XRY '])('refuses %j, which no list defines', (code) => {
    for (const list of [CONTROL_TYPES, CONTROL_OUTCOMES, SCREENING_METHODS, SCREENING_RESULTS]) expect(isCodeOf(list, code)).toBe(false);
  });
});
