/** One load scenario: the request autocannon repeats against the real app. */
export interface Scenario {
  name: string;
  description: string;
  /** Prepares data through the running app if needed, and returns the request to repeat. */
  request(
    baseUrl: string,
  ): Promise<{ method?: 'GET' | 'POST'; path: string; headers?: Record<string, string>; body?: string }>;
  /** Figures measured outside the load run (on an idle machine), reported beside it. */
  extra?(): Promise<Record<string, number>>;
}
