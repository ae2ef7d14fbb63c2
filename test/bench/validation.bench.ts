import { EnsFiling } from '@ics2/contracts';
import { filingType } from '@ics2/domain';
import { EnsFilingRequestDto } from '../../services/trader-interface/src/filings/validation/ens-filing.request.dto';
import { ErrorList } from '../../services/trader-interface/src/filings/validation/error-list';
import { filingRuleContext } from '../../services/trader-interface/src/filings/validation/filing-rule';
import { FILING_RULES } from '../../services/trader-interface/src/filings/validation/filing-rules.table';
import { checkFilingValues } from '../../services/trader-interface/src/filings/validation/semantic-rules';
import { checkShape } from '../../services/trader-interface/src/filings/validation/shape';
import { guardStructure } from '../../services/trader-interface/src/filings/validation/structure-guard';
import { validateFiling } from '../../services/trader-interface/src/filings/validation/validate-filing';
import { ecommerceHouseFiling } from '@ics2/testing';
import { completeAirF20, houseAirF22, masterAirF21 } from '../../services/trader-interface/src/filings/validation/validation-fixtures.test-harness';

/**
 * `npm run bench:validation`: how long the trader door's validation takes per filing, as a whole and per layer
 * (structure guard, shape, code lists, rules), on one core, and writes its section of docs/benchmarks.md.
 */
import { writeBenchmarkReport, type Figure } from './bench-report';

const senderOf = (filing: EnsFiling) => filing.representative?.identificationNumber ?? filing.declarant.identificationNumber ?? '';

function time(label: string, make: (index: number) => EnsFiling, runs: number): { line: string; msPerFiling: number; split: string } {
  const bodies = Array.from({ length: runs }, (_, index) => make(index));
  for (const body of bodies.slice(0, Math.min(runs, 50))) validateFiling(body, { sender: senderOf(body) }); // warm up
  const layers = { guard: 0, shape: 0, values: 0, rules: 0 };
  let total = 0;
  for (const body of bodies) {
    const start = process.hrtime.bigint();
    const result = validateFiling(body, { sender: senderOf(body) });
    total += Number(process.hrtime.bigint() - start);
    if (!result.ok) throw new Error(`${label}: ${JSON.stringify(result.errors.slice(0, 3))}`);
  }
  for (const body of bodies) {
    const errors = new ErrorList();
    let mark = process.hrtime.bigint();
    const lap = (layer: keyof typeof layers) => {
      const now = process.hrtime.bigint();
      layers[layer] += Number(now - mark);
      mark = now;
    };
    const guarded = guardStructure(body, errors);
    if (!guarded) throw new Error('refused');
    const plain = guarded.body as unknown as EnsFiling;
    lap('guard');
    checkShape(EnsFilingRequestDto, guarded.body, errors);
    lap('shape');
    checkFilingValues(plain, errors);
    lap('values');
    const context = filingRuleContext(plain, filingType(plain.specificCircumstanceIndicator) ?? (undefined as never), senderOf(plain), guarded.texts, errors);
    for (const { check } of FILING_RULES) check(context);
    lap('rules');
  }
  const ms = (ns: number) => (ns / runs / 1e6).toFixed(3);
  const split = Object.entries(layers).map(([layer, ns]) => `${layer} ${ms(ns)}`).join(', ');
  return { line: `${label}: ${ms(total)} ms per filing (${Math.round((runs * 1e9) / total)} filings/s on one core); ${split}`, msPerFiling: total / runs / 1e6, split };
}

const cases: [string, (index: number) => EnsFiling, number][] = [
  ['e-commerce workload (F22/F26, 1 parcel, 1-3 items)', (index) => ecommerceHouseFiling(index + 1), 5_000],
  ['F22 house-level filing, 1 house, 1 item', houseAirF22, 5_000],
  ['F20 complete filing, 1 house, 1 item', () => completeAirF20(1), 5_000],
  ['F21 master filing listing 1,000 houses', () => masterAirF21(1_000), 100],
  ['F20 complete filing with 1,000 houses (1 item each)', () => completeAirF20(1_000), 50],
  ['F21 master filing listing 99,999 houses (the limit)', () => masterAirF21(99_999), 3],
];
const figures: Figure[] = [];
for (const [label, make, runs] of cases) {
  const result = time(label, make, runs);
  process.stdout.write(`${result.line}\n`);
  figures.push({ name: `${label}, per filing (ms per layer: ${result.split})`, value: result.msPerFiling * 1000, unit: 'µs' });
}
writeBenchmarkReport('validation', figures, { scale: 1 });
