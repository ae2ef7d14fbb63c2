import { EnsFiling } from '@ics2/contracts';
import { FILING_TYPE_CODES, FilingType } from '@ics2/domain';
import {
  airPlaciScenario,
  airPreArrivalScenario,
  ecommerceHouseFiling,
  maritimeScenario,
  MultipleFiling,
  postalPlaciScenario,
  sampleArrival,
  sampleFiling,
  SampleFilingOptions,
} from '@ics2/testing';
import { validateArrivalNotification } from './validate-arrival-notification';
import { validateFiling } from './validate-filing';

/** The sample generator of @ics2/testing and this validation must agree: every sample is a valid filing. */
const SEEDS = [1, 2, 3, 7, 42, 1_000, 65_537, 2_147_483_647];

const senderOf = (filing: EnsFiling) => filing.representative?.identificationNumber ?? filing.declarant.identificationNumber ?? '';

function refusal(type: FilingType, options: SampleFilingOptions) {
  const filing = sampleFiling(type, options);
  const result = validateFiling(filing, { sender: senderOf(filing) });
  return result.ok ? [] : result.errors.map(({ code, pointer, description }) => `${code} ${pointer}: ${description}`);
}

describe('validate-filing (IE3Fxx) and the samples of @ics2/testing', () => {
  it.each([...FILING_TYPE_CODES])('accepts %s sampled with several seeds', (type) => {
    for (const seed of SEEDS) expect([seed, refusal(type, { seed })]).toEqual([seed, []]);
  });

  it.each([...FILING_TYPE_CODES])('accepts %s with its conditional groups, many houses and goods items, and a representative', (type) => {
    for (const seed of SEEDS.slice(0, 3)) {
      const options: SampleFilingOptions = {
        seed,
        houses: 3,
        goodsItems: 4,
        containers: true,
        notifyParty: true,
        placesOfAcceptanceAndDelivery: true,
        hrcmScreening: true,
        representative: 'DE5550001112223',
      };
      expect([seed, refusal(type, options)]).toEqual([seed, []]);
    }
  });

  it.each([...FILING_TYPE_CODES])('accepts %s as e-commerce', (type) => {
    for (const seed of SEEDS.slice(0, 3)) expect([seed, refusal(type, { seed, ecommerce: true })]).toEqual([seed, []]);
  });

  it.each<[string, (seed: number) => MultipleFiling]>([
    ['air PLACI (F23 + F24)', (seed) => airPlaciScenario({ seed, houses: 3 })],
    ['air pre-arrival (F21 + F22)', (seed) => airPreArrivalScenario({ seed, houses: 3 })],
    ['air pre-arrival completing a PLACI', (seed) => airPreArrivalScenario({ seed, placi: airPlaciScenario({ seed, houses: 2 }) })],
    ['maritime (F12 + F15)', (seed) => maritimeScenario({ seed, houses: 2 })],
    ['maritime (F12 + F16)', (seed) => maritimeScenario({ seed, houses: 2, houseFilingType: 'F16' })],
    ['postal PLACI (F44 + F43)', (seed) => postalPlaciScenario({ seed, houses: 2 })],
  ])('accepts every filing of the %s scenario, each from its own filer', (_name, scenario) => {
    for (const seed of SEEDS.slice(0, 4)) {
      const { master, houses } = scenario(seed);
      for (const filing of [master, ...houses]) {
        const result = validateFiling(filing, { sender: senderOf(filing) });
        expect([seed, filing.specificCircumstanceIndicator, result.ok ? [] : result.errors]).toEqual([seed, filing.specificCircumstanceIndicator, []]);
      }
    }
  });

  it('accepts the e-commerce benchmark workload', () => {
    for (let seed = 1; seed <= 200; seed += 1) {
      const filing = ecommerceHouseFiling(seed);
      const result = validateFiling(filing, { sender: senderOf(filing) });
      expect([seed, result.ok ? [] : result.errors]).toEqual([seed, []]);
    }
  });

  it.each(['mrns', 'means-of-transport', 'master-documents'] as const)('accepts arrival notifications matched by %s', (by) => {
    for (const seed of SEEDS) {
      const filing = sampleFiling('F21', { seed });
      const result = validateArrivalNotification(sampleArrival({ seed, by, filings: [filing] }), { sender: 'DE1234567890123' });
      expect([seed, result.ok ? [] : result.errors]).toEqual([seed, []]);
    }
  });
});
