// The 4 × 3 keypad with its E.161 letters, and what a key press does to the number field.

/** Keys in reading order: [symbol, letters]. */
export const KEYS = [
  ['1', ''], ['2', 'ABC'], ['3', 'DEF'],
  ['4', 'GHI'], ['5', 'JKL'], ['6', 'MNO'],
  ['7', 'PQRS'], ['8', 'TUV'], ['9', 'WXYZ'],
  ['*', ''], ['0', '+'], ['#', ''],
];

/** Characters that may be typed into the number field from the keyboard anywhere in the view. */
export function isDialKey(key) {
  return /^[0-9*#+]$/.test(key);
}

/**
 * Inserts `symbol` into `value` at the selection, returning the new value and caret.
 * @returns {{ value: string, caret: number }}
 */
export function insertAt(value, symbol, start = value.length, end = start) {
  const next = value.slice(0, start) + symbol + value.slice(end);
  return { value: next, caret: start + symbol.length };
}

/** Deletes the selection, or the character before the caret. */
export function deleteBack(value, start = value.length, end = start) {
  if (start !== end) return { value: value.slice(0, start) + value.slice(end), caret: start };
  if (start === 0) return { value, caret: 0 };
  return { value: value.slice(0, start - 1) + value.slice(start), caret: start - 1 };
}
