export * from './contract';
export * from './domain/delivery-estimate';
export * from './domain/distance';
export * from './domain/opening-hours';
export * from './domain/order-answer';
export * from './domain/order-machine';
export * from './domain/phone';
