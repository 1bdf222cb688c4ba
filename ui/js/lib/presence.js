// Presence as the agent sees it: RingCentral's userStatus / dndStatus → one of four choices and
// their words (the same the tray and the CLI show). Pure: tested without a DOM.

/** The picker's choices, in order. */
export const PRESENCE_CHOICES = [
  { choice: 'available', words: 'Available' },
  { choice: 'busy', words: 'Busy' },
  { choice: 'dnd', words: 'Do not disturb' },
  { choice: 'offline', words: 'Offline (invisible to colleagues)' },
];

/**
 * The choice presence shows: Do not disturb first, else the status the agent set.
 * @param {{ userStatus?: string, dndStatus?: string } | null | undefined} presence
 * @returns {'available'|'busy'|'dnd'|'offline'}
 */
export function presenceChoice(presence) {
  if (presence?.dndStatus === 'DoNotAcceptAnyCalls') return 'dnd';
  if (presence?.userStatus === 'Busy') return 'busy';
  if (presence?.userStatus === 'Offline') return 'offline';
  return 'available';
}

/** The words of a choice: `dnd` → `Do not disturb`. */
export function presenceWords(choice) {
  return PRESENCE_CHOICES.find((c) => c.choice === choice)?.words ?? 'Available';
}

/**
 * A LineView with a `presence` event applied: the raw fields, and the choice and words they
 * mean. `line` may be null (presence came before the line was read).
 */
export function withPresence(line, presence) {
  const merged = { ...(line ?? {}), ...pick(presence) };
  const choice = presenceChoice(merged);
  return { ...merged, choice, words: presenceWords(choice) };
}

function pick(presence) {
  const out = {};
  for (const key of ['userStatus', 'dndStatus', 'telephonyStatus']) {
    if (typeof presence?.[key] === 'string') out[key] = presence[key];
  }
  return out;
}
