// Presentation formatting in the agent's locale and time zone: durations, times, day headers.

/** `3:42`, `1:02:05`; `—` when unknown. */
export function formatDuration(seconds) {
  if (!Number.isFinite(seconds) || seconds < 0) return '—';
  const s = Math.floor(seconds);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const rest = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${rest}` : `${m}:${rest}`;
}

/** Local time of day, e.g. `14:05` or `2:05 PM` per locale. */
export function formatTime(iso, locale = undefined) {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  return date.toLocaleTimeString(locale, { hour: 'numeric', minute: '2-digit' });
}

/** The local calendar day of an instant, as `YYYY-MM-DD` (the grouping key). */
export function dayKey(iso) {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return 'unknown';
  const pad = (n) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** `Today`, `Yesterday`, or a short date like `Mon 16 Nov` (with the year when not this year). */
export function dayLabel(key, now = new Date(), locale = undefined) {
  if (key === 'unknown') return 'Unknown date';
  const [y, m, d] = key.split('-').map(Number);
  const day = new Date(y, m - 1, d);
  const today = new Date(now.getFullYear(), now.getMonth(), now.getDate());
  const diff = Math.round((today - day) / 86_400_000);
  if (diff === 0) return 'Today';
  if (diff === 1) return 'Yesterday';
  const options = { weekday: 'short', day: 'numeric', month: 'short' };
  if (y !== now.getFullYear()) options.year = 'numeric';
  return day.toLocaleDateString(locale, options);
}

/**
 * Interleaves day headers with rows (rows newest first), continuing from the last day already
 * shown so pages can be appended: returns `{ items, lastDay }`.
 * @param {{ startTime: string }[]} rows
 * @param {string|null} lastDay the day key of the last row already shown
 */
export function withDayHeaders(rows, lastDay = null, now = new Date()) {
  const items = [];
  let current = lastDay;
  for (const row of rows) {
    const key = dayKey(row.startTime);
    if (key !== current) {
      items.push({ kind: 'day', key, label: dayLabel(key, now) });
      current = key;
    }
    items.push({ kind: 'row', row });
  }
  return { items, lastDay: current };
}
