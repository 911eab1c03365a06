// Helpers for the apps' component tests (jest-expo). The shared package's own screens are tested
// on real services with no server behind them (`./app-root`, not exported: an app registers its own
// queued kinds and builds its services itself).

export * from './app-harness';
export * from './fake-notifications';
export * from './network';
export * from './no-socket';
export * from './order-fixture';
export * from './played-socket';
