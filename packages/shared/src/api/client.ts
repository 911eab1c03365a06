import type { z } from 'zod';
import type { Session } from '../contract/accounts';
import type { ErrorCode } from '../contract/errors';
import { routePaths } from '../contract/route-paths';
import type { RouteSpec } from '../contract/route-spec';
import type { RouteName, Routes } from '../contract/routes';

/** Codes the client itself gives when no answer came: the network failed, or the server took too long. */
export type ClientErrorCode = 'NETWORK_ERROR' | 'TIMEOUT';

/** Every failure of a call: the server's `{code, message, details}`, or the client's own. */
export class ApiError extends Error {
  constructor(
    /** HTTP status; 0 when no answer came. */
    readonly status: number,
    readonly code: ErrorCode | ClientErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** No answer (offline, dropped, timed out, or the server is restarting): worth sending again later. */
  get transient() {
    return this.status === 0 || this.status === 429 || this.status >= 500;
  }
}

/** Where the client keeps the session (the session store, on a phone backed by the secure store). */
export interface TokenStore {
  get(): Pick<Session, 'access_token' | 'refresh_token'> | null;
  /** A fresh session after a refresh, or null when it could not be refreshed (logged out). */
  set(session: Session | null): void;
}

export interface ApiClientOptions {
  /** Up to and including `/api/v1`. */
  baseUrl: string;
  tokens: TokenStore;
  /** Milliseconds before a call gives up with TIMEOUT (default 15 s: phones on 2G are slow). */
  timeoutMs?: number;
  fetch?: typeof fetch;
}

type Input<T> = T extends z.ZodType ? z.input<T> : never;
type Has<R, K extends string> = R extends Record<K, unknown> ? true : false;

/** What a call of route R takes: only the parts the route has. */
export type CallInput<R extends RouteSpec> = (Has<R, 'params'> extends true
  ? { params: Input<R['params']> }
  : unknown) &
  (Has<R, 'query'> extends true ? { query: Input<R['query']> } : unknown) &
  (R['body'] extends 'multipart'
    ? { body: FormData; onUploadProgress?: UploadProgress }
    : Has<R, 'body'> extends true
      ? { body: Input<R['body']> }
      : unknown) &
  (R['idempotencyKey'] extends 'required'
    ? { idempotencyKey: string }
    : R['idempotencyKey'] extends 'optional'
      ? { idempotencyKey?: string }
      : unknown) & { signal?: AbortSignal };

export type CallOutput<N extends RouteName> = z.output<Routes[N]['response']>;

export interface ApiClient {
  call<N extends RouteName>(name: N, input: CallInput<Routes[N]>): Promise<CallOutput<N>>;
  /**
   * Exchanges the refresh token for a new session, once for every caller who asks while it runs.
   * False when the session is over (the store is then cleared); throws when the network failed.
   */
  refresh(): Promise<boolean>;
}

/** Told as an upload goes: the share of its bytes sent so far, 0 to 1. */
export type UploadProgress = (sent: number) => void;

type AnyInput = {
  params?: Record<string, string>;
  query?: Record<string, unknown>;
  body?: unknown;
  idempotencyKey?: string;
  signal?: AbortSignal;
  onUploadProgress?: UploadProgress;
};

/**
 * `fetch` through XMLHttpRequest, whose upload reports its progress on the web and on phones alike
 * (fetch reports none). The answer comes back as a `Response`, as from fetch.
 */
export function fetchWithUploadProgress(
  url: string,
  init: { method: string; headers: Record<string, string>; body?: FormData | string; signal?: AbortSignal },
  onProgress: UploadProgress,
): Promise<Response> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open(init.method, url);
    for (const [name, value] of Object.entries(init.headers)) xhr.setRequestHeader(name, value);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onProgress(event.loaded / event.total);
    };
    xhr.onload = () => {
      onProgress(1);
      const status = xhr.status === 204 ? null : xhr.responseText;
      resolve(new Response(status, { status: xhr.status, statusText: xhr.statusText }));
    };
    xhr.onerror = () => reject(new TypeError('Network request failed'));
    xhr.onabort = () => reject(new DOMException('Aborted', 'AbortError'));
    init.signal?.addEventListener('abort', () => xhr.abort());
    xhr.send(init.body ?? null);
  });
}

/** Where a route is: its method and path (the schemas stay on the server; answers are the server's own). */
type Place = readonly [RouteSpec['method'], string];

function urlOf(baseUrl: string, [, template]: Place, input: AnyInput) {
  const path = template.replace(/:(\w+)/g, (_, name: string) => encodeURIComponent(input.params?.[name] ?? ''));
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(input.query ?? {})) {
    if (value === undefined || value === null) continue;
    query.set(key, Array.isArray(value) ? value.join(',') : String(value));
  }
  const search = query.toString();
  return `${baseUrl}${path}${search ? `?${search}` : ''}`;
}

async function errorOf(response: Response): Promise<ApiError> {
  const text = await response.text().catch(() => '');
  try {
    const { error } = JSON.parse(text) as { error: { code: ErrorCode; message: string; details?: unknown } };
    return new ApiError(response.status, error.code, error.message, error.details);
  } catch {
    const code: ErrorCode = response.status >= 500 ? 'INTERNAL' : 'VALIDATION_FAILED';
    return new ApiError(response.status, code, text || response.statusText || `HTTP ${response.status}`);
  }
}

/**
 * The typed client of `/api/v1`: `api.call('getOrder', { params: { id } })`. It attaches the access
 * token, refreshes it once on a 401 (one refresh for all the calls that failed together) and calls
 * again; when the refresh is refused the session is cleared, which logs the app out.
 */
export function createApiClient(options: ApiClientOptions): ApiClient {
  const { baseUrl, tokens, timeoutMs = 15_000 } = options;
  const doFetch = options.fetch ?? ((...args: Parameters<typeof fetch>) => fetch(...args));
  let refreshing: Promise<boolean> | undefined;

  async function send(place: Place, input: AnyInput, token: string | undefined): Promise<Response> {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (token) headers.authorization = `Bearer ${token}`;
    if (input.idempotencyKey) headers['idempotency-key'] = input.idempotencyKey;
    let body: FormData | string | undefined;
    if (input.body instanceof FormData) body = input.body;
    else if (input.body !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(input.body);
    }
    // By hand: React Native has neither AbortSignal.timeout nor AbortSignal.any.
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, timeoutMs);
    const abort = () => controller.abort();
    input.signal?.addEventListener('abort', abort);
    try {
      const init = { method: place[0], headers, body, signal: controller.signal };
      const url = urlOf(baseUrl, place, input);
      if (input.onUploadProgress && typeof XMLHttpRequest !== 'undefined')
        return await fetchWithUploadProgress(url, init, input.onUploadProgress);
      return await doFetch(url, init);
    } catch (error) {
      if (input.signal?.aborted) throw error;
      if (timedOut) throw new ApiError(0, 'TIMEOUT', 'The server took too long to answer');
      throw new ApiError(0, 'NETWORK_ERROR', 'No connection to the server');
    } finally {
      clearTimeout(timer);
      input.signal?.removeEventListener('abort', abort);
    }
  }

  async function refreshNow(): Promise<boolean> {
    const current = tokens.get();
    if (!current) return false;
    const response = await send(routePaths.refresh, { body: { refresh_token: current.refresh_token } }, undefined);
    if (response.ok) {
      tokens.set((await response.json()) as Session);
      return true;
    }
    const error = await errorOf(response);
    if (error.transient) throw error;
    tokens.set(null);
    return false;
  }

  function refresh(): Promise<boolean> {
    refreshing ??= refreshNow().finally(() => {
      refreshing = undefined;
    });
    return refreshing;
  }

  return {
    refresh,
    async call(name, input) {
      const place: Place = routePaths[name];
      const args = input as AnyInput;
      const sentWith = tokens.get()?.access_token;
      let response = await send(place, args, sentWith);
      if (response.status === 401 && sentWith && name !== 'refresh') {
        // Another call may have refreshed while this one was out: use its token, else refresh.
        const now = tokens.get()?.access_token;
        const fresh = now !== sentWith ? Boolean(now) : await refresh();
        if (fresh) response = await send(place, args, tokens.get()?.access_token);
      }
      if (!response.ok) throw await errorOf(response);
      if (response.status === 204) return null as CallOutput<typeof name>;
      return (await response.json()) as CallOutput<typeof name>;
    },
  };
}
