// Mentions in the chat composer, pure: the `@query` being typed before the caret, the text with
// it replaced by a picked colleague's `@Full Name `, the picked people whose `@name` is still in
// the text when it is posted (only those become mentions; any other `@` stays text), and a
// post's parts as the plain text an edit starts from. Tested without a DOM.

/** A name character: a letter or mark of any script, a digit, an apostrophe, a dot or a hyphen. */
const NAME_CHAR = /[\p{L}\p{M}\p{N}'’.-]/u;
/** The query after `@`: a word, and at most one more (`@Ana Si`), letters first. */
const QUERY = /^\p{L}[\p{L}\p{M}\p{N}'’.-]*(?: [\p{L}\p{M}\p{N}'’.-]*)?$/u;
/** Longest query looked up (longer, the agent is typing a sentence, not a name). */
const MOST_QUERY = 40;

/**
 * The `@query` the caret is at the end of, or null: `@` at the start or after a space or
 * punctuation (not in `ana@example.com`), then letters (a second word allowed).
 * @param {string} text
 * @param {number} [caret] defaults to the end of the text
 * @returns {{ start: number, end: number, query: string } | null} start is the `@`'s index
 */
export function mentionQuery(text, caret) {
  const value = String(text ?? '');
  const end = Math.min(Math.max(caret ?? value.length, 0), value.length);
  const before = value.slice(0, end);
  const at = before.lastIndexOf('@');
  if (at < 0) return null;
  if (at > 0 && NAME_CHAR.test(before[at - 1])) return null;
  const query = before.slice(at + 1);
  if (query.length === 0 || query.length > MOST_QUERY || !QUERY.test(query)) return null;
  return { start: at, end, query };
}

/**
 * `text` with the `@query` at `found` replaced by `@name ` — no space added when a space or a
 * punctuation mark already follows (`@Ben Ode, see`).
 * @param {string} text
 * @param {{ start: number, end: number }} found what `mentionQuery` answered
 * @param {string} name
 * @returns {{ text: string, caret: number }} the caret goes after the name and its space
 */
export function applyMention(text, found, name) {
  const value = String(text ?? '');
  const after = value.slice(found.end);
  const spaced = /^\s/.test(after);
  const stop = /^[,.;:!?)\]}]/.test(after);
  const inserted = `@${String(name).trim()}${spaced || stop ? '' : ' '}`;
  const next = value.slice(0, found.start) + inserted + after;
  return { text: next, caret: found.start + inserted.length + (spaced ? 1 : 0) };
}

/**
 * The picked people (`{ id, name }`) whose `@name` still stands in `text` as a whole name (not
 * the start of a longer word), each once.
 * @param {string} text
 * @param {Array<{ id: string, name: string }>} picked
 * @returns {Array<{ id: string, name: string }>}
 */
export function mentionsIn(text, picked) {
  const value = String(text ?? '');
  const seen = new Set();
  const out = [];
  for (const person of picked ?? []) {
    const name = String(person?.name ?? '').trim();
    if (!person?.id || !name || seen.has(person.id)) continue;
    if (standsIn(value, `@${name}`)) {
      seen.add(person.id);
      out.push(person.kind ? { id: String(person.id), name, kind: String(person.kind) } : { id: String(person.id), name });
    }
  }
  return out;
}

function standsIn(text, written) {
  for (let i = text.indexOf(written); i >= 0; i = text.indexOf(written, i + 1)) {
    const next = text[i + written.length];
    // "@Ana" in "@Anabel" is not Ana; a dot or hyphen right after ends a sentence, not a name.
    if (next === undefined || !/[\p{L}\p{M}\p{N}]/u.test(next)) return true;
  }
  return false;
}

/**
 * A post's parts as plain text, mentions as `@Name` (what an edit starts from).
 * @param {Array<{ kind: string, text?: string, name?: string }>} parts
 */
export function partsText(parts) {
  return (parts ?? []).map((p) => (p.kind === 'mention' ? `@${p.name ?? ''}` : String(p.text ?? ''))).join('');
}
