import { VALIDATION_CODES } from '@ics2/contracts';
import { DATA_GROUPS } from '@ics2/domain';
import { GROUP_PRESENCE } from './data-group-presence.table';
import { FILING_RULES } from './filing-rules.table';

describe('filing rules table', () => {
  it('names every rule once, with codes of the validation-code table', () => {
    expect(new Set(FILING_RULES.map((row) => row.name)).size).toBe(FILING_RULES.length);
    expect(new Set(FILING_RULES.map((row) => row.check)).size).toBe(FILING_RULES.length);
    for (const row of FILING_RULES) for (const code of row.codes) expect([row.name, code in VALIDATION_CODES]).toEqual([row.name, true]);
  });

  it('knows where to look for every data group of the filing-types table', () => {
    expect(Object.keys(GROUP_PRESENCE).sort()).toEqual(DATA_GROUPS.map((row) => row.group).sort());
  });
});
