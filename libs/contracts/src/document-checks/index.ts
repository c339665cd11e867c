export * from './document-checks';
export * from './mrz';
export * from './document-list-row';
export * from './mrz-specimens';
