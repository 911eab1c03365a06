// The React Native side of the client: device storage, NetInfo, React hooks, the app's wiring, and
// the screens and queries every app shares (by capability: session, orders, notifications).
export * from './AppRoot';
export * from './catalog/queries';
export * from './notifications/NotificationsScreen';
export * from './notifications/notification-order';
export * from './notifications/push';
export * from './notifications/queries';
export * from './notifications/use-push';
export * from './offline/hooks';
export * from './offline/netinfo-connectivity';
export * from './offline/query-client';
export * from './orders/CallButtons';
export * from './orders/OrderActions';
export * from './orders/OrderLines';
export * from './orders/queries';
export * from './orders/use-order-actions';
export * from './providers';
export * from './realtime/hooks';
export * from './ringer/ringer';
export * from './ringer/ringer-kind';
export * from './services';
export * from './session/AuthForm';
export * from './session/SignedInGate';
export * from './session/SignOutButton';
export * from './store/device-storage';
