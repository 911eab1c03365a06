export * from './contract';
export * from './domain/busy-mode';
export * from './domain/delivery-estimate';
export * from './domain/distance';
export * from './domain/opening-hours';
export * from './domain/order-answer';
export * from './domain/order-machine';
export * from './domain/payments';
export * from './domain/phone';
// Pure text, shared with the server's notifications (an offer's distance reads the same in the push and the app).
export { formatDistance } from './ui/distance';
// Rupees as the apps write them, for the server's notifications of money (a refund, a settlement).
export { formatPaise } from './ui/money';
