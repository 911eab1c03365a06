/** A phone has no page title: the ring and the vibration tell. */
export const flashTitle =
  (_alert: string): (() => void) =>
  () =>
    undefined;
