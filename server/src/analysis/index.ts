/** Public API of the planning analyses: pure functions over plain data (see docs/methods.md). */
export * from './errors';
export * from './types';
export * from './statistics';
export * from './need-index';
export * from './early-warning';
export * from './coverage';
export * from './e2sfca';
export * from './gaps';
export * from './money';
export * from './scenario';
