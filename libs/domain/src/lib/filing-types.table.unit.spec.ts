import { DATA_GROUPS } from './data-groups.table';
import {
  FILING_TYPE_CODES,
  FILING_TYPES,
  filingType,
  filingTypesForMode,
  FilingTypeRow,
  giveSameData,
  isFilingType,
  PLACI_GROUPS,
  suppliedGroups,
} from './filing-types.table';
import { isTransportDocumentType } from './transport-document';

const codes = (rows: readonly FilingTypeRow[]) => rows.map((row) => row.code);
const groupsOf = (row: FilingTypeRow) => [...row.requiredGroups, ...row.conditionalGroups];
const range = (prefix: string, from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, i) => `${prefix}${from + i}`);

describe('filing types table', () => {
  describe('coverage', () => {
    it('has one row per code, in the order of FILING_TYPE_CODES', () => {
      expect(codes(FILING_TYPES)).toEqual([...FILING_TYPE_CODES]);
      expect(new Set(codes(FILING_TYPES)).size).toBe(FILING_TYPES.length);
    });

    it('covers every mode: F10-F17, F20-F29, F30-F34, F40-F45, F50, F51', () => {
      const families = (family: string) => codes(FILING_TYPES.filter((row) => row.family === family));
      expect(families('maritime')).toEqual(range('F', 10, 17));
      expect(families('air')).toEqual(range('F', 20, 29));
      expect(families('express')).toEqual(range('F', 30, 34));
      expect(families('postal')).toEqual(range('F', 40, 45));
      expect(families('road')).toEqual(['F50']);
      expect(families('rail')).toEqual(['F51']);
    });

    it('serves inland waterways with the maritime rows and the maritime postal F45', () => {
      expect(codes(filingTypesForMode('inland-waterway'))).toEqual([...range('F', 10, 17), 'F45']);
      expect(codes(filingTypesForMode('maritime'))).toEqual([...range('F', 10, 17), 'F45']);
      expect(codes(filingTypesForMode('road'))).toEqual(['F50']);
      expect(codes(filingTypesForMode('rail'))).toEqual(['F51']);
      expect(codes(filingTypesForMode('air'))).toEqual([...range('F', 20, 34), ...range('F', 40, 44)]);
    });

    it('uses a mode that fits the family: express and postal fly, except the maritime postal F45', () => {
      for (const row of FILING_TYPES) {
        expect(row.modes).toContain(row.mode);
        const postal = row.code === 'F45' ? 'maritime' : 'air';
        const expected = { maritime: 'maritime', air: 'air', express: 'air', postal, road: 'road', rail: 'rail' }[row.family];
        expect([row.code, row.mode]).toEqual([row.code, expected]);
      }
    });
  });

  describe('multiple filing', () => {
    it('has symmetric partners that exist and are never the row itself', () => {
      for (const row of FILING_TYPES) {
        for (const partner of row.partners) {
          expect([row.code, partner, isFilingType(partner)]).toEqual([row.code, partner, true]);
          expect(partner).not.toBe(row.code);
          expect([partner, filingType(partner)?.partners]).toEqual([partner, expect.arrayContaining([row.code])]);
        }
      }
    });

    it('pairs the documented halves', () => {
      expect(filingType('F21')?.partners).toEqual(['F22']);
      expect(filingType('F23')?.partners).toEqual(['F24']);
      expect(filingType('F12')?.partners).toEqual(['F15', 'F16', 'F17']);
      expect(filingType('F13')?.partners).toEqual(['F17']);
      expect(filingType('F17')?.partners).toEqual(['F12', 'F13', 'F14', 'F16']);
    });

    it('lets every master with partners await data its house partners can give together', () => {
      for (const row of FILING_TYPES.filter((r) => r.level === 'master' && r.partners.length > 0)) {
        const given = row.partners.flatMap((p) => suppliedGroups(p, row.code));
        expect([row.code, row.awaits.length > 0, row.awaits.filter((g) => !given.includes(g))]).toEqual([row.code, true, []]);
      }
    });

    it('lets no other row await anything', () => {
      for (const row of FILING_TYPES.filter((r) => r.level !== 'master' || r.partners.length === 0)) expect([row.code, row.awaits]).toEqual([row.code, []]);
    });

    it('completes an F12 house with one F15, or with an F16 (goods) and an F17 (buyer and seller)', () => {
      const awaited = filingType('F12')?.awaits ?? [];
      expect(suppliedGroups('F15', 'F12')).toEqual(awaited);
      expect(suppliedGroups('F16', 'F12')).toEqual(awaited.filter((g) => g !== 'buyerAndSeller'));
      expect(suppliedGroups('F17', 'F12')).toEqual(['buyerAndSeller']);
      expect(suppliedGroups('F22', 'F12')).toEqual([]);
    });

    it('takes two filings for one house as duplicates only when they give the same data', () => {
      expect([giveSameData('F16', 'F17'), giveSameData('F17', 'F16')]).toEqual([false, false]);
      expect([giveSameData('F15', 'F17'), giveSameData('F15', 'F16'), giveSameData('F16', 'F16'), giveSameData('F32', 'F32')]).toEqual([true, true, true, true]);
    });

    it('links only filings of the same mode', () => {
      for (const row of FILING_TYPES) {
        for (const partner of row.partners) expect([row.code, filingType(partner)?.mode]).toEqual([row.code, row.mode]);
      }
    });

    it('gives a complete dataset no partner', () => {
      for (const row of FILING_TYPES.filter((r) => r.level === 'complete')) {
        expect([row.code, row.partners]).toEqual([row.code, []]);
      }
    });

    it('gives every partial dataset a partner, except PLACI (completed pre-arrival) and F45 (outside the HTI)', () => {
      const unpaired = FILING_TYPES.filter((row) => row.level !== 'complete' && !row.placi && row.partners.length === 0);
      expect(codes(unpaired)).toEqual(['F45']);
    });
  });

  describe('PLACI', () => {
    it('is exactly F23, F24, F32, F43 and F44', () => {
      expect(codes(FILING_TYPES.filter((row) => row.placi))).toEqual(['F23', 'F24', 'F32', 'F43', 'F44']);
    });

    it('is always lodged before loading, by air, as a partial dataset', () => {
      for (const row of FILING_TYPES.filter((r) => r.placi)) {
        expect([row.code, row.phase, row.mode, row.level === 'complete']).toEqual([row.code, 'pre-loading', 'air', false]);
      }
    });

    it('requires the 7+1 groups and no HS code below master level', () => {
      for (const row of FILING_TYPES.filter((r) => r.placi && r.level !== 'master')) {
        expect([row.code, row.requiredGroups]).toEqual([row.code, expect.arrayContaining([...PLACI_GROUPS])]);
        expect([row.code, row.requiredGroups.includes('hsCode')]).toEqual([row.code, false]);
      }
    });

    it('at master level lists the houses whose 7+1 the partner filings give', () => {
      for (const row of FILING_TYPES.filter((r) => r.placi && r.level === 'master')) {
        expect([row.code, row.requiredGroups]).toEqual([row.code, expect.arrayContaining(['houseConsignments', 'houseTransportDocument'])]);
        expect([row.code, row.partners.length > 0]).toEqual([row.code, true]);
      }
    });

    it('is the only pre-loading-only phase', () => {
      expect(codes(FILING_TYPES.filter((row) => row.phase === 'pre-loading'))).toEqual(['F23', 'F24', 'F32', 'F43', 'F44']);
    });
  });

  describe('required data', () => {
    it('always names the declarant', () => {
      for (const row of FILING_TYPES) {
        expect([row.code, row.requiredGroups]).toEqual([row.code, expect.arrayContaining(['declarant'])]);
      }
    });

    it('asks a master or complete row for the master transport document', () => {
      for (const row of FILING_TYPES.filter((r) => r.level !== 'house')) {
        expect([row.code, row.requiredGroups.includes('masterTransportDocument')]).toEqual([row.code, true]);
      }
    });

    it('asks a house row for the house transport document, and the master reference it links to', () => {
      for (const row of FILING_TYPES.filter((r) => r.level === 'house')) {
        expect([row.code, groupsOf(row).includes('houseTransportDocument')]).toEqual([row.code, true]);
        expect([row.code, row.requiredGroups.includes('masterTransportDocument')]).toEqual([row.code, true]);
      }
    });

    it('asks every pre-arrival air row with goods for the HS code', () => {
      const withGoods = FILING_TYPES.filter(
        (r) => r.mode === 'air' && r.phase !== 'pre-loading' && r.requiredGroups.includes('goodsItems'),
      );
      expect(withGoods.length).toBeGreaterThan(0);
      for (const row of withGoods) expect([row.code, row.requiredGroups.includes('hsCode')]).toEqual([row.code, true]);
    });

    it('asks the carrier-side rows for the means of transport and the office of first entry', () => {
      for (const row of FILING_TYPES.filter((r) => r.level !== 'house' && !r.placi)) {
        for (const group of ['carrier', 'activeBorderTransportMeans', 'customsOfficeOfFirstEntry'] as const) {
          expect([row.code, group, row.requiredGroups.includes(group)]).toEqual([row.code, group, true]);
        }
      }
    });

    it('asks F17 for the addressed Member State and buyer and seller', () => {
      expect(filingType('F17')?.requiredGroups).toEqual(expect.arrayContaining(['addressedMemberState', 'buyerAndSeller']));
    });

    it('uses known data groups only, each once per row, never both required and conditional', () => {
      const known = new Set<string>(DATA_GROUPS.map((g) => g.group));
      for (const row of FILING_TYPES) {
        const all = groupsOf(row);
        expect([row.code, all.filter((g) => !known.has(g))]).toEqual([row.code, []]);
        expect([row.code, new Set(all).size]).toEqual([row.code, all.length]);
      }
    });
  });

  describe('transport documents', () => {
    it('accepts only CL754 codes', () => {
      for (const row of FILING_TYPES) {
        expect([...row.masterDocumentTypes, ...row.houseDocumentTypes].every(isTransportDocumentType)).toBe(true);
      }
    });

    it('lists document types for every level a row carries', () => {
      for (const row of FILING_TYPES) {
        const groups = groupsOf(row);
        const hasMaster = groups.includes('masterTransportDocument');
        const hasHouse = groups.includes('houseTransportDocument');
        expect([row.code, row.masterDocumentTypes.length > 0, row.houseDocumentTypes.length > 0]).toEqual([row.code, hasMaster, hasHouse]);
      }
    });

    it('uses the air waybill family for air rows and no air waybill by sea, road or rail', () => {
      for (const row of FILING_TYPES) {
        const airDocuments = row.masterDocumentTypes.filter((t) => t === 'N741' || t === 'N740');
        expect([row.code, airDocuments.length > 0]).toEqual([row.code, row.mode === 'air']);
      }
    });
  });

  describe('unverified rows', () => {
    it('say what was assumed', () => {
      for (const row of FILING_TYPES.filter((r) => !r.verified)) {
        expect([row.code, (row.note ?? '').length > 0]).toEqual([row.code, true]);
      }
    });

    it('include the codes the reference marks [U]', () => {
      const unverified = codes(FILING_TYPES.filter((row) => !row.verified));
      const markedU = ['F14', 'F15', 'F16', 'F25', 'F27', 'F28', 'F30', 'F31', 'F33', 'F45'];
      expect(unverified).toEqual(expect.arrayContaining(markedU));
    });
  });

  describe('lookups', () => {
    it('finds a row by code', () => {
      expect(filingType('F26')).toMatchObject({ code: 'F26', family: 'air', level: 'house' });
      expect(filingType('F99')).toBeUndefined();
      expect(filingType('f26')).toBeUndefined();
    });

    it('recognises a filing type', () => {
      expect(isFilingType('F51')).toBe(true);
      expect(isFilingType('F18')).toBe(false);
      expect(isFilingType('F35')).toBe(false);
    });
  });
});
