/**
 * Realistic ENS samples for specs, test/ and benchmarks: one valid filing per filing type, multiple-filing
 * scenarios that link by ULK, arrival notifications and the e-commerce benchmark workload. Deterministic per seed
 * (mulberry32, never Math.random). The parts: sample-random (PRNG), ens-sample-catalogue (companies, places,
 * goods), ens-sample-identifiers (check digits), ens-sample-shipment (one draft per seed), ens-sample-filing
 * (the draft rendered per filing type), ens-scenarios, ens-sample-arrival.
 */
export type { SampleFilingOptions } from './ens-sample-options';
export { sampleFiling } from './ens-sample-filing';
export {
  airPlaciScenario,
  airPreArrivalScenario,
  type AirPreArrivalOptions,
  ecommerceHouseFiling,
  expressFiling,
  expressPlaciFiling,
  maritimeScenario,
  maritimeTwoPartScenario,
  type MultipleFiling,
  postalFiling,
  postalPlaciScenario,
  railFiling,
  roadFiling,
  type ScenarioInconsistency,
} from './ens-scenarios';
export { type ArrivalMatching, sampleArrival, type SampleArrivalOptions } from './ens-sample-arrival';
