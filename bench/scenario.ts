/** One load scenario: the request autocannon repeats against the real app. */
export interface Scenario {
  name: string;
  description: string;
  /** Data the app needs before the run: 'district' is 10,000 shops and 500,000 products. */
  dataset?: 'district';
  /** Prepares data through the running app if needed, and returns the request to repeat. */
  request(baseUrl: string): Promise<BenchRequest>;
  /** Request rates (per second) at which latency is measured too, beside half the saturated rate. */
  rates?: number[];
  /** Figures measured outside the load run (on an idle machine), reported beside it. */
  extra?(): Promise<Record<string, number>>;
}

export interface BenchRequest {
  method?: 'GET' | 'POST';
  path: string;
  /** Changes for each request (another path past the cache, a new Idempotency-Key); the fixed fields are the sample. */
  vary?: () => { path?: string; headers?: Record<string, string>; body?: string };
  headers?: Record<string, string>;
  body?: string;
}
