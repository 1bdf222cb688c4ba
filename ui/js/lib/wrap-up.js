// Wrap-ups as words and data, for the wrap-up card, the "to wrap up" count and History's
// follow-ups: disposition labels and digit picks, tags typed with commas, times for a
// datetime-local field, the input the core's autosave_wrapup / save_wrapup take, follow-ups in
// groups. Pure: tested without a DOM.

import { whenWords } from './caller.js';
import { formatTime } from './format.js';

/** `1 Connected` … `9 Sale`; past the ninth there is no digit to press, just the name. */
export function dispositionLabel(index, name) {
  return index < 9 ? `${index + 1} ${name}` : String(name);
}

/**
 * The disposition a key picks: `1`…`9` (no modifier) within the list, else -1.
 * @param {{ key: string, ctrlKey?: boolean, metaKey?: boolean, altKey?: boolean }} event
 * @param {number} count how many dispositions there are
 */
export function digitPick(event, count) {
  if (event.ctrlKey || event.metaKey || event.altKey) return -1;
  if (!/^[1-9]$/.test(event.key ?? '')) return -1;
  const index = Number(event.key) - 1;
  return index < count ? index : -1;
}

/** Ctrl+Enter (Cmd+Enter on macOS): save the card. */
export function isSaveKey(event) {
  return event.key === 'Enter' && Boolean(event.ctrlKey || event.metaKey) && !event.altKey;
}

/** Input types where digits are typed, not shortcuts. */
const TYPING_INPUTS = new Set(['', 'text', 'search', 'tel', 'email', 'url', 'number', 'password', 'date', 'time', 'datetime-local', 'month', 'week']);

/** Whether keys pressed in `el` are text being typed (a field), not shortcuts. */
export function isTextField(el) {
  if (!el?.tagName) return false;
  const tag = el.tagName.toUpperCase();
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (tag === 'INPUT') return TYPING_INPUTS.has(String(el.getAttribute?.('type') ?? el.type ?? '').toLowerCase());
  return el.getAttribute?.('contenteditable') === 'true' || el.isContentEditable === true;
}

/** Tags as typed (`vip, renewal, VIP`) → `['vip', 'renewal']`: trimmed, each once, no blanks. */
export function parseTags(text) {
  const kept = [];
  for (const raw of String(text ?? '').split(',')) {
    const tag = raw.trim();
    if (tag && !kept.some((k) => k.toLowerCase() === tag.toLowerCase())) kept.push(tag);
  }
  return kept;
}

/** Tags as the field shows them. */
export function tagsText(tags) {
  return (tags ?? []).join(', ');
}

/** An instant (ISO) as a datetime-local field holds it: local `YYYY-MM-DDTHH:MM`; '' if none. */
export function toLocalInput(iso) {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  const pad = (n) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/**
 * What the card holds, as autosave_wrapup / save_wrapup take it (WrapUpInput).
 * @param {string} callKey
 * @param {{ disposition?: string|null, notes?: string, tags?: string, followUpAt?: string, followUpNote?: string }} fields
 *   the controls' values (tags as typed, followUpAt as the datetime-local field gives it)
 */
export function wrapUpInput(callKey, fields) {
  const followUpAt = String(fields.followUpAt ?? '').trim();
  return {
    callKey,
    disposition: fields.disposition ?? null,
    notes: String(fields.notes ?? ''),
    tags: parseTags(fields.tags),
    followUpAt: followUpAt || null,
    followUpNote: String(fields.followUpNote ?? '').trim(),
  };
}

/** The fields a WrapUpView fills the card with (the inverse of `wrapUpInput`). */
export function cardFields(view) {
  return {
    disposition: view?.disposition ?? null,
    notes: view?.notes ?? '',
    tags: tagsText(view?.tags),
    followUpAt: toLocalInput(view?.followUpAt),
    followUpNote: view?.followUpNote ?? '',
  };
}

/** `Outgoing call · Today 14:05`: under the card's heading. */
export function callWords(view, now = new Date()) {
  const what = view?.direction === 'Inbound' ? 'Incoming call' : 'Outgoing call';
  return [what, whenWords(view?.started, now)].filter(Boolean).join(' · ');
}

/** The count's accessible name: `1 call to wrap up`, `3 calls to wrap up`. */
export function dueWords(count) {
  return count === 1 ? '1 call to wrap up' : `${count} calls to wrap up`;
}

const GROUPS = [
  ['overdue', 'Overdue'],
  ['today', 'Today'],
  ['upcoming', 'Upcoming'],
];

/**
 * Follow-ups (FollowUpsView) as the groups History shows, the empty ones left out.
 * @returns {{ id: string, label: string, rows: any[] }[]}
 */
export function followUpGroups(view) {
  return GROUPS.map(([id, label]) => ({ id, label, rows: Array.isArray(view?.[id]) ? view[id] : [] })).filter((g) => g.rows.length > 0);
}

/** When a follow-up is due, as its group needs it: a time today, else the day and time. */
export function followUpWhen(group, iso, now = new Date()) {
  return group === 'today' ? formatTime(iso) : whenWords(iso, now);
}
