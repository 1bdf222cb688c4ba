// The incoming-call banner's words about a caller: their last call and last text (from the
// core's CallerView), short enough for one line each. Pure: tested without a DOM.

import { dayKey, dayLabel, formatTime } from './format.js';

/** How much of a last text the banner shows. */
const TEXT_CHARS = 80;

/** `Today 14:05`, `Yesterday 9:30`, `Mon 16 Nov 14:05`. */
export function whenWords(iso, now = new Date()) {
  const time = formatTime(iso);
  if (!time) return '';
  return `${dayLabel(dayKey(iso), now)} ${time}`;
}

/** `Text` shortened to `max` characters with an ellipsis, on one line. */
export function shorten(text, max = TEXT_CHARS) {
  const flat = String(text ?? '').replace(/\s+/g, ' ').trim();
  const chars = [...flat];
  return chars.length > max ? `${chars.slice(0, max - 1).join('').trimEnd()}…` : flat;
}

/** `Last call: Missed · Yesterday 9:30` (a CallRow), or null when there was none. */
export function lastCallWords(row, now = new Date()) {
  if (!row) return null;
  const what = row.missed ? 'Missed' : row.result || (row.direction === 'Inbound' ? 'Incoming' : 'Outgoing');
  return ['Last call:', [what, whenWords(row.startTime, now)].filter(Boolean).join(' · ')].join(' ');
}

/** `Last text (received Today 8:12): “Can you call me…”`, or null when there was none. */
export function lastTextWords(text, now = new Date()) {
  if (!text) return null;
  const when = whenWords(text.created, now);
  const how = text.inbound ? 'received' : 'sent';
  return `Last text (${[how, when].filter(Boolean).join(' ')}): “${shorten(text.text)}”`;
}
