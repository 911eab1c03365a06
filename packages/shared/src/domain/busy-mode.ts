/** A store's busy mode as the API sends it: each part lifts itself at its time. */
export interface BusyFields {
  paused_until: string | null;
  extra_prep_minutes: number;
  extra_prep_until: string | null;
}

const still = (until: string | null, now: number) => until !== null && Date.parse(until) > now;

/** When the store's pause lifts, while it is paused at `now`; null otherwise. */
export const activePause = (store: BusyFields, now = Date.now()): string | null =>
  still(store.paused_until, now) ? store.paused_until : null;

/** The extra preparation minutes still on at `now` (0 once their time has passed). */
export const activeExtraPrep = (store: BusyFields, now = Date.now()): number =>
  still(store.extra_prep_until, now) ? store.extra_prep_minutes : 0;
