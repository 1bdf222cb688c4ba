// The status strip's words and colour, and the Settings status panel, from plain state.
// Pure: tested without a DOM.

import { formatTime } from './format.js';

/**
 * @param {{ info?: { profile: string, mode: 'demo'|'live', server?: string|null } | null,
 *           session?: { state: string, user?: { name: string } | null } | null,
 *           connection?: { state: string, words: string, retryAt?: number|null, message?: string } | null,
 *           error?: { message: string } | null }} state
 * @param {number} [now] epoch ms, for "retrying in 40 s"
 * @returns {{ health: 'ok'|'warn'|'down'|'unknown', profile: string, text: string, demo: boolean }}
 */
export function describeStatus({ info = null, session = null, connection = null, error = null } = {}, now = Date.now()) {
  const demo = info?.mode === 'demo';
  const profile = session?.user?.name ?? info?.profile ?? '';
  if (error) return { health: 'down', profile, text: error.message, demo };
  if (!info || !session) return { health: 'unknown', profile, text: 'Starting…', demo };
  if (session.state === 'connecting') return { health: 'warn', profile, text: 'Connecting…', demo };
  if (session.state !== 'signed_in') return { health: 'down', profile, text: 'Signed out', demo };
  // The words of live updates come from the core (the tray says the same); the strip adds the
  // countdown, which ticks here.
  const connected = { health: 'ok', profile, text: demo ? 'Connected to the simulator' : 'Connected', demo };
  const words = `${connection?.words ?? ''}${retryWords(connection?.retryAt, now)}`;
  switch (connection?.state) {
    case 'rate_limited':
      // A wait ends by itself: once its time has passed, ringdesk is simply connected again.
      if (connection.retryAt && connection.retryAt <= now) return connected;
      return { health: 'warn', profile, text: words, demo };
    case 'polling':
      return { ...connected, text: `${connected.text} · ${connection.words.toLowerCase()}` };
    case 'reconnecting':
      return { health: 'warn', profile, text: words, demo };
    case 'offline':
      return { health: 'down', profile, text: words, demo };
    default:
      return connected;
  }
}

function retryWords(retryAt, now) {
  if (!retryAt) return '';
  const seconds = Math.max(0, Math.ceil((retryAt - now) / 1000));
  return seconds > 0 ? ` · retrying in ${seconds} s` : ' · retrying now';
}

/**
 * The Settings status panel rows from the backend's `status`.
 * @returns {[string, string][]}
 */
export function statusFacts(status) {
  if (!status) return [];
  const rows = [['Signed in', status.user ? `${status.user} (ext. ${status.extension})` : 'No']];
  if (status.tokenExpiresAt) rows.push(['Access token renews', formatTime(status.tokenExpiresAt)]);
  for (const budget of status.budgets ?? []) {
    rows.push([`${budget.group} requests`, `${budget.remaining} of ${budget.limit} left this minute`]);
  }
  rows.push(['Circuit breaker', status.breaker ?? 'closed']);
  rows.push(['Live updates', status.subscription ?? 'not connected']);
  rows.push(['Last sync', status.lastSync ? formatTime(status.lastSync) : 'never']);
  rows.push(['Database', status.database ?? '']);
  return rows;
}
