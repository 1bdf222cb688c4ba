// The status strip's words and colour, from plain state. Pure: tested without a DOM.

/**
 * @param {{ info?: { profile: string, mode: 'demo'|'live', server?: string|null } | null,
 *           error?: { message: string } | null }} state
 * @returns {{ health: 'ok'|'warn'|'down'|'unknown', profile: string, text: string, demo: boolean }}
 */
export function describeStatus({ info = null, error = null } = {}) {
  if (error) {
    return { health: 'down', profile: '', text: error.message, demo: false };
  }
  if (!info) {
    return { health: 'unknown', profile: '', text: 'Starting…', demo: false };
  }
  const demo = info.mode === 'demo';
  const text = demo ? 'Not connected (simulator)' : `Not connected · ${hostOf(info.server)}`;
  return { health: 'unknown', profile: info.profile, text, demo };
}

function hostOf(server) {
  if (!server) return 'RingCentral';
  try {
    return new URL(server).host;
  } catch {
    return server;
  }
}
