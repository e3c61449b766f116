export * from './terms-accept.ts';
export * from './terms-decline.ts';
export * from './terms-dismiss.ts';
export * from './terms-explain.ts';
export * from './terms-acknowledge.ts';
export * from './terms-visibility.ts';
export * from './terms-error.ts';
export * from './terms-action.ts';
