// The published language between services: event schemas, their upcasters, and (later) proto message types.
export * from './lib/upcasting';
