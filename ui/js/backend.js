// The only module that touches window.__TAURI__. Views get a backend object and never know
// whether it is the real app, a test fake or a browser preview.

/**
 * Connects to the Tauri backend, or to an "unavailable" backend when the page is opened
 * outside ringdesk (a plain browser preview).
 * @param {any} [host] the global object (window)
 */
export function connectBackend(host = globalThis) {
  const tauri = host.__TAURI__;
  if (!tauri?.core?.invoke) return unavailableBackend();
  const invoke = async (command, args) => {
    try {
      return await tauri.core.invoke(command, args);
    } catch (raw) {
      throw toUiError(raw);
    }
  };
  return {
    appInfo: () => invoke('app_info'),
    /** Subscribes to a backend event; returns a function that unsubscribes. */
    on: (event, handler) => {
      const pending = tauri.event.listen(event, (e) => handler(e.payload));
      return () => pending.then((unlisten) => unlisten());
    },
  };
}

/** Turns whatever the IPC layer rejected with into `{ code, message, hint }`. */
export function toUiError(raw) {
  if (raw && typeof raw === 'object' && typeof raw.message === 'string') {
    return {
      code: typeof raw.code === 'string' ? raw.code : 'internal',
      message: raw.message,
      hint: typeof raw.hint === 'string' ? raw.hint : '',
    };
  }
  return { code: 'internal', message: String(raw ?? 'Unknown error'), hint: 'Try again; if it keeps happening, restart ringdesk.' };
}

function unavailableBackend() {
  const error = {
    code: 'internal',
    message: 'ringdesk’s backend is not available in this page.',
    hint: 'Open the page through the ringdesk app, not a browser.',
  };
  return {
    appInfo: () => Promise.reject(error),
    on: () => () => {},
  };
}
