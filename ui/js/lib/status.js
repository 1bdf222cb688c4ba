// The status strip's words and colour, and the Settings status panel, from plain state.
// Pure: tested without a DOM.

import { formatTime } from './format.js';

/**
 * @param {{ info?: { profile: string, mode: 'demo'|'live', server?: string|null } | null,
 *           session?: { state: string, user?: { name: string } | null } | null,
 *           connection?: { state: string, retryAt?: number|null, message?: string } | null,
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
  const retry = retryWords(connection?.retryAt, now);
  const connected = { health: 'ok', profile, text: demo ? 'Connected to the simulator' : 'Connected', demo };
  switch (connection?.state) {
    case 'rate_limited':
      // A wait ends by itself: once its time has passed, ringdesk is simply connected again.
      if (connection.retryAt && connection.retryAt <= now) return connected;
      return { health: 'warn', profile, text: `Rate limited${retry}`, demo };
    case 'polling':
      return { ...connected, text: `${connected.text} · checking for texts every 20 s` };
    case 'reconnecting':
      return { health: 'warn', profile, text: `Reconnecting${retry}`, demo };
    case 'offline':
      return { health: 'down', profile, text: `Offline${retry}`, demo };
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
