// What every app needs to talk to the server, with no React Native in it (tested in Node).
export * from './api/client';
export * from './api/keys';
export * from './api/upload';
export * from './offline/action-queue';
export * from './offline/connectivity';
export * from './offline/queued-action';
export * from './orders/transition-order';
export * from './realtime/client';
export * from './realtime/order-cache';
export * from './session/sign-out';
export * from './store/local-store';
export * from './store/session';
export * from './store/storage';
