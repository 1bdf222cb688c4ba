// Words for the composer: the counter, delivery status, templates and the opt-out notice.

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

/** The composer after choosing a template: an empty draft is replaced, else it follows a space. */
export function withTemplate(draft, text) {
  if (draft.trim() === '') return text;
  return /\s$/.test(draft) ? `${draft}${text}` : `${draft} ${text}`;
}

/** A template's text on one line, cut to `max` characters with an ellipsis. */
export function templatePreview(text, max = 80) {
  const line = String(text ?? '').replace(/\s+/g, ' ').trim();
  return line.length > max ? `${line.slice(0, max - 1).trimEnd()}…` : line;
}

/** Template scopes in the order the picker shows them, with their group labels. */
export const TEMPLATE_SCOPES = [
  { scope: 'company', label: 'Company' },
  { scope: 'personal', label: 'Personal' },
  { scope: 'built_in', label: 'Built-in' },
];

/** Templates grouped by scope, company first; empty groups left out, the order within kept. */
export function groupTemplates(templates) {
  const known = new Set(TEMPLATE_SCOPES.map((s) => s.scope));
  const groups = TEMPLATE_SCOPES.map(({ scope, label }) => ({ scope, label, templates: templates.filter((t) => t.scope === scope) }));
  // A scope this window does not know yet still shows, last.
  const other = templates.filter((t) => !known.has(t.scope));
  if (other.length) groups.push({ scope: 'other', label: 'Other', templates: other });
  return groups.filter((g) => g.templates.length > 0);
}

/** The notice over the composer of an opted-out customer's thread (ThreadView.optedOut). */
export function optOutNotice(optedOut) {
  const words = String(optedOut).trim();
  return `${/[.!?]$/.test(words) ? words : `${words}.`} They can text START to receive texts again; call them instead.`;
}
