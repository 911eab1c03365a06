import type { PushDevice } from './push';

/**
 * The web build has no pushes: a browser gets no Expo push token, so it never asks and never
 * registers. What it was told is in the notifications list; phones have `push-device.native.ts`.
 */
export const pushDevice: PushDevice | null = null;
