export * from './browser';
export * from './browser-session';
export * from './lintas';
export * from './rest';
export * from './tak-device';
export * from './map-view';
export * from './field-offline';
export * from './sign-in-form';
