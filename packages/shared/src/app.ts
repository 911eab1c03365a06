// The React Native side of the client: device storage, NetInfo, React hooks, the app's wiring.
export * from './offline/hooks';
export * from './offline/netinfo-connectivity';
export * from './offline/query-client';
export * from './orders/OrderActions';
export * from './orders/use-order-actions';
export * from './providers';
export * from './realtime/hooks';
export * from './services';
export * from './session/SignOutButton';
export * from './store/device-storage';
