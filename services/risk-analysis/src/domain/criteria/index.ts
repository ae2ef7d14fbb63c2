// The common risk criteria engine (issue 4): criteria as data, the risk subject, the compiled engine, the files.
export * from './criterion';
export * from './parse-criterion';
export * from './missing-data.table';
export * from './risk-subject';
export * from './risk-assessment';
export * from './criteria-engine';
export * from './criteria-files';
export { DEFAULT_NAME_THRESHOLD, NAME_CANDIDATE_DICE, jaroWinkler, nameSimilarity } from './name-similarity';
export { nameTokens, normaliseText, normalisedTokens } from './text-normalisation';
