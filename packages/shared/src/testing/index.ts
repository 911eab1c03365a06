// Helpers for the apps' component tests (jest-expo): real services with no server behind them.
export * from './app-root';
export * from './network';
export * from './no-socket';
