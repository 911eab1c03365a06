// The contract (its zod schemas included, for the server) and every plain value of ./values.
export * from './contract';
export * from './values';
