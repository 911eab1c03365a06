// Every module's tables, gathered for Drizzle's relational queries and for drizzle-kit.
export * from './accounts/tables';
export * from './analytics/tables';
export * from './catalog/tables';
export * from './delivery/tables';
export * from './notifications/tables';
export * from './orders/tables';
export * from './payments/tables';
export * from './platform/tables';
export * from './stores/tables';
