/** No server in a component test: a socket that never opens. */
class NoSocket {
  readyState = 0;
  onopen = null;
  onmessage = null;
  onclose = null;
  onerror = null;
  send() {}
  close() {}
}

/** The app's realtime client then waits quietly instead of reaching for a server (call before making services). */
export function installNoSocket() {
  (globalThis as { WebSocket?: unknown }).WebSocket = NoSocket;
}
