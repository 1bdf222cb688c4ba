// Global keyboard shortcuts, as data: Ctrl/Cmd+1…5 switch views, Ctrl/Cmd+K searches,
// Esc cancels or closes. Pure: the caller decides what each action does.

/**
 * @param {{ key: string, ctrlKey?: boolean, metaKey?: boolean, altKey?: boolean, shiftKey?: boolean }} event
 * @param {string[]} viewIds in rail order
 * @returns {{ type: 'view', id: string } | { type: 'search' } | { type: 'escape' } | null}
 */
export function shortcutFor(event, viewIds) {
  const mod = (event.ctrlKey || event.metaKey) && !event.altKey;
  if (mod && !event.shiftKey && /^[1-9]$/.test(event.key)) {
    const id = viewIds[Number(event.key) - 1];
    return id ? { type: 'view', id } : null;
  }
  if (mod && !event.shiftKey && event.key.toLowerCase() === 'k') return { type: 'search' };
  if (event.key === 'Escape' && !mod) return { type: 'escape' };
  return null;
}
