// Every module's tables, gathered for Drizzle's relational queries and for drizzle-kit.
export * from './accounts/tables';
export * from './catalog/tables';
export * from './stores/tables';
