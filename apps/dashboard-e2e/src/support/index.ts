export * from './browser';
export * from './lintas';
export * from './rest';
