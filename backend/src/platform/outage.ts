/** Where a dependency's outages are reported. */
export interface OutageLog {
  warn(message: string): void;
  info(message: string): void;
}

/** Says once that a dependency is down (not once per failed call) and once that it is back. */
export interface Outage {
  failed(error: unknown): void;
  recovered(): void;
  isDown(): boolean;
}

export const consoleOutageLog: OutageLog = {
  warn: (message) => console.warn(message),
  info: (message) => console.info(message),
};

export function trackOutage(what: string, log: OutageLog): Outage {
  let downSince: number | undefined;
  return {
    failed(error) {
      if (downSince !== undefined) return;
      downSince = Date.now();
      log.warn(`${what} is unavailable (${(error as Error)?.message ?? error}): carrying on without it`);
    },
    recovered() {
      if (downSince === undefined) return;
      log.info(`${what} is back after ${Date.now() - downSince} ms`);
      downSince = undefined;
    },
    isDown: () => downSince !== undefined,
  };
}
