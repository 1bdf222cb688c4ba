// @-mention completion in the chat composer: typing `@` and letters lists matching colleagues
// (newest answer wins) above the textarea; ArrowUp/Down move, Enter or Tab picks (Enter does not
// post while the list is open), Esc closes it, a click picks. A pick writes `@Full Name ` in
// place of the `@query` and is remembered, so that posting passes the people whose `@name` is
// still in the text (the core turns those into mentions; any other `@` stays text).

import { h, replaceChildren } from '../lib/dom.js';
import { latest } from '../lib/debounce.js';
import { listboxKey } from '../lib/listbox.js';
import { applyMention, mentionQuery, mentionsIn } from '../lib/mentions.js';

/** Matches shown. */
const SHOWN = 6;

/**
 * @param {{ backend: any, toast: Function }} ctx
 * @param {HTMLTextAreaElement} text the composer's textarea
 * @param {{ changed: () => void }} hooks `changed` after a pick rewrote the text
 * @returns {{ element: HTMLElement, keydown: (event: KeyboardEvent) => boolean,
 *   mentions: (body: string) => Array<{ id: string, name: string }>, clear: () => void, close: () => void }}
 */
export function mentionCompleter(ctx, text, { changed }) {
  const { backend } = ctx;
  let options = [];
  let active = -1;
  let found = null; // the `@query` the list is for
  let closed = null; // { start, query }: a query picked or dismissed, not offered again
  let picked = [];

  const element = h('ul', { id: 'mention-list', class: 'suggestions mention-list', role: 'listbox', 'aria-label': 'Mention a colleague', hidden: true });
  text.setAttribute('aria-autocomplete', 'list');
  text.setAttribute('aria-controls', 'mention-list');
  const search = latest((query) => backend.colleagues(query, SHOWN));

  const current = () => mentionQuery(text.value, text.selectionStart ?? text.value.length);
  const suppressed = (q) => closed && q.start === closed.start && q.query.startsWith(closed.query);

  async function update() {
    const q = current();
    if (!q || suppressed(q)) {
      if (!q) closed = null;
      return show(null, []);
    }
    const answer = await search(q.query.trim());
    if (answer.stale) return;
    const now = current();
    if (!now || now.start !== q.start || now.query !== q.query) return;
    if (answer.error) {
      show(null, []);
      return ctx.toast(answer.error.message, answer.error.hint, 'error');
    }
    show(q, answer.value ?? []);
  }

  function show(q, list) {
    found = list.length ? q : null;
    options = found ? list : [];
    active = options.length ? 0 : -1;
    replaceChildren(
      element,
      options.map((c, i) =>
        h(
          'li',
          { id: `mention-${i}`, role: 'option', 'aria-selected': String(i === active), dataset: { person: c.personId }, onMousedown: (e) => e.preventDefault(), onClick: () => pick(i) },
          h('span', { class: 'suggestion-name' }, c.name),
          c.email ? h('span', { class: 'suggestion-detail' }, c.email) : null,
        ),
      ),
    );
    element.hidden = options.length === 0;
    highlight(active);
  }

  function highlight(index) {
    active = index;
    element.childNodes.forEach((li, i) => li.setAttribute('aria-selected', String(i === index)));
    if (index >= 0) text.setAttribute('aria-activedescendant', `mention-${index}`);
    else text.removeAttribute('aria-activedescendant');
  }

  function pick(index) {
    const person = options[index];
    if (!person || !found) return;
    const next = applyMention(text.value, found, person.name);
    picked = [...picked.filter((p) => p.id !== person.personId), { id: person.personId, name: person.name.trim() }];
    closed = { start: found.start, query: person.name.trim() };
    text.value = next.text;
    text.focus();
    text.setSelectionRange?.(next.caret, next.caret);
    show(null, []);
    changed();
  }

  /** Handles a composer key while the list is open; true when it did (nothing else should). */
  function keydown(event) {
    if (element.hidden) return false;
    const key = event.key === 'Tab' && !event.shiftKey ? 'Enter' : event.key;
    const move = listboxKey(active, options.length, key);
    if (!move.handled) return false;
    event.preventDefault();
    event.stopPropagation?.();
    if (move.pick) pick(active);
    else if (move.close) {
      if (found) closed = { start: found.start, query: found.query };
      show(null, []);
    } else highlight(move.active);
    return true;
  }

  text.addEventListener('input', () => void update());
  text.addEventListener('blur', () => show(null, []));

  return {
    element,
    keydown,
    /** The picked people whose `@name` is still in `body`. */
    mentions: (body) => mentionsIn(body, picked),
    /** Forgets the picks (the post went). */
    clear: () => {
      picked = [];
      closed = null;
    },
    close: () => show(null, []),
  };
}
