import { DATA_GROUPS, isDataGroup } from './data-groups.table';

describe('data groups', () => {
  it('lists each group once, with where it sits in the message and what it is', () => {
    const names = DATA_GROUPS.map((row) => row.group);
    expect(new Set(names).size).toBe(names.length);
    expect(DATA_GROUPS.every((row) => row.elements.length > 0 && row.description.length > 0)).toBe(true);
  });

  it('knows a group by name', () => {
    expect(isDataGroup('consignor')).toBe(true);
    expect(isDataGroup('shipper')).toBe(false);
  });
});
