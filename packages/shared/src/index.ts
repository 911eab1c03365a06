export * from './contract';
export * from './domain/phone';
