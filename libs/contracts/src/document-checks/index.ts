export * from './document-checks';
export * from './mrz';
