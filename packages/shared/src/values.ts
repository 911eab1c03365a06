// What the apps use at run time from the shared kit besides the client and the UI: the domain's
// rules, channel names and the contract's lists of choices, with no zod. The apps take the
// contract's types from '@kupwara/shared' with `import type`; its schemas stay on the server
// (apps-without-zod.test.ts holds them to that).
export * from './contract/channels';
export * from './contract/choices';
export { routePaths } from './contract/route-paths';
export { uploadField } from './contract/route-spec';
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
// Rupees as the apps write them, for the same reason (a settlement's push says "₹1,250 handed over", a refund its amount).
export { formatPaise } from './ui/money';
