/**
 * What a subscription does with an order's event that comes over the bus, knowing the newest
 * sequence number it has sent of that order: sends it; drops it as a copy (a broadcast may come
 * twice: side effects run at least once); or, on an order's own channel, where events replay,
 * first fills the gap before it from the database (an event lost or late on the bus).
 */
export function arrivalOf(lastSent: number | undefined, seq: number, replays: boolean): 'new' | 'copy' | 'after-gap' {
  if (lastSent === undefined) return 'new';
  if (seq <= lastSent) return 'copy';
  return replays && seq > lastSent + 1 ? 'after-gap' : 'new';
}

/** Positions may overtake each other on the way: one no newer than the last sent is dropped. */
export const isNewerPosition = (lastSentAt: string | undefined, recordedAt: string) =>
  lastSentAt === undefined || recordedAt > lastSentAt;
