// Words for the composer counter and for delivery status.

/** `142 / 1000 · 1 segment` from the backend's measurement. */
export function counterText({ units, limit, segments }) {
  return `${units} / ${limit} · ${segments} ${segments === 1 ? 'segment' : 'segments'}`;
}

/**
 * What a message's status means to the agent.
 * @param {{ direction: string, status: string, pending?: boolean }} m
 * @returns {{ words: string, tone: 'none'|'pending'|'sent'|'delivered'|'failed' }}
 */
export function deliveryWords(m) {
  if (m.pending) return { words: 'Waiting to send', tone: 'pending' };
  if (m.direction === 'Inbound') return { words: '', tone: 'none' };
  switch (m.status) {
    case 'Queued':
      return { words: 'Sending…', tone: 'pending' };
    case 'Sent':
      return { words: 'Sent', tone: 'sent' };
    case 'Delivered':
      return { words: 'Delivered', tone: 'delivered' };
    case 'DeliveryFailed':
      return { words: 'Not delivered', tone: 'failed' };
    case 'SendingFailed':
      return { words: 'Could not send', tone: 'failed' };
    default:
      return { words: m.status ?? '', tone: 'none' };
  }
}
