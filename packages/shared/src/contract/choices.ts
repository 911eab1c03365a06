// The contract's lists of choices as plain values, with no zod: the apps draw pickers from them
// while the schemas that check them (accounts.ts, analytics.ts) stay on the server.

export const vehicleTypes = ['on_foot', 'bicycle', 'scooter', 'motorcycle', 'car'] as const;

export const analyticsRanges = ['today', '7d', '30d'] as const;
