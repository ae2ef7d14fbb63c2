export * from '@ics2/event-store/testing';
export * from './lib/decider-spec';
