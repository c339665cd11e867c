export * from './document-checks';
export * from './mrz';
export * from './document-list-row';
