export * from './browser';
export * from './lintas';
