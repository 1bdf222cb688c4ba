// Keyboard navigation for a suggestion list under an input (combobox pattern): arrows move,
// Enter picks, Esc closes. Pure index arithmetic, so it is tested without a DOM.

/**
 * @param {number} active the highlighted index, -1 for none
 * @param {number} count how many options
 * @param {string} key the key pressed
 * @returns {{ active: number, pick: boolean, close: boolean, handled: boolean }}
 */
export function listboxKey(active, count, key) {
  if (count === 0) return { active: -1, pick: false, close: false, handled: false };
  switch (key) {
    case 'ArrowDown':
      return { active: (active + 1) % count, pick: false, close: false, handled: true };
    case 'ArrowUp':
      return { active: active <= 0 ? count - 1 : active - 1, pick: false, close: false, handled: true };
    case 'Enter':
      return { active, pick: active >= 0, close: active >= 0, handled: active >= 0 };
    case 'Escape':
      return { active: -1, pick: false, close: true, handled: active >= 0 };
    default:
      return { active, pick: false, close: false, handled: false };
  }
}
