export * from './actor';
export * from './operation-policy';
export * from './team-policy';
export * from './report-policy';
export * from './recipients';
export * from './history-visibility';
export * from './references';
export * from './administration-policy';
