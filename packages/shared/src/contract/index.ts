export * from './accounts';
export * from './addresses';
export * from './catalog';
export * from './common';
export * from './errors';
export * from './geo';
export * from './health';
export * from './stores';
