export * from '@ics2/event-store/testing';
export * from './lib/decider-spec';
export * from './lib/ens-events/ens-event-builders';
export * from './lib/service-harness';
export * from './lib/ens/ens-samples';
export { sampleRandom, type SampleRandom } from './lib/ens/sample-random';
export * from './lib/ens/ens-arbitraries';
export * from './lib/risk-events/risk-event-builders';
export * from './lib/control-events/control-event-builders';
