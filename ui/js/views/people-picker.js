// Picking colleagues for a new chat or team: a search field (combobox) that looks the company
// directory up as the agent types (the newest answer wins), a list of matches picked with the
// arrows and Enter or a click, and the people picked as chips, each with a "Remove <name>"
// button. Names are text, never markup.

import { h, icon, replaceChildren } from '../lib/dom.js';
import { latest } from '../lib/debounce.js';
import { listboxKey } from '../lib/listbox.js';

/** Matches shown per search. */
const SHOWN = 8;

/**
 * @param {{ backend: any, toast: Function }} ctx
 * @param {{ id: string, label: string }} options the search field's id and visible label
 * @returns {{ element: HTMLElement, people: () => Array<{ personId: string, name: string }>,
 *   focus: () => void, isOpen: () => boolean }}
 */
export function peoplePicker(ctx, { id, label }) {
  const { backend } = ctx;
  const listId = `${id}-list`;
  let picked = [];
  let options = [];
  let active = -1;

  const input = h('input', {
    id,
    type: 'text',
    autocomplete: 'off',
    spellcheck: 'false',
    placeholder: 'Type a name or email',
    role: 'combobox',
    'aria-autocomplete': 'list',
    'aria-expanded': 'false',
    'aria-controls': listId,
  });
  const list = h('ul', { id: listId, class: 'suggestions people-list', role: 'listbox', 'aria-label': 'Colleagues', hidden: true });
  const none = h('p', { class: 'muted people-none', role: 'status', hidden: true });
  const chips = h('ul', { class: 'people-chips', 'aria-label': 'Picked', hidden: true });
  const element = h('div', { class: 'field combobox people-picker' }, h('label', { for: id }, label), chips, input, list, none);

  const search = latest((query) => backend.colleagues(query, SHOWN));

  async function lookUp() {
    const query = input.value.trim();
    if (!query) return show([]);
    const answer = await search(query);
    if (answer.stale || input.value.trim() !== query) return;
    if (answer.error) {
      show([]);
      return ctx.toast(answer.error.message, answer.error.hint, 'error');
    }
    const chosen = new Set(picked.map((p) => p.personId));
    const found = (answer.value ?? []).filter((c) => !chosen.has(c.personId));
    show(found);
    none.hidden = found.length > 0;
    none.textContent = found.length ? '' : 'No colleague matches.';
  }

  function show(found) {
    options = found;
    active = found.length ? 0 : -1;
    none.hidden = true;
    replaceChildren(
      list,
      found.map((c, i) =>
        h(
          'li',
          {
            id: `${listId}-${i}`,
            role: 'option',
            'aria-selected': String(i === active),
            dataset: { person: c.personId },
            // Keeps focus in the field; the click that follows picks.
            onMousedown: (e) => e.preventDefault(),
            onClick: () => pick(i),
          },
          h('span', { class: 'suggestion-name' }, c.name),
          h('span', { class: 'suggestion-detail' }, [c.email, c.extension ? `ext. ${c.extension}` : null].filter(Boolean).join(' · ')),
        ),
      ),
    );
    list.hidden = found.length === 0;
    input.setAttribute('aria-expanded', String(found.length > 0));
    highlight(active);
  }

  function highlight(index) {
    active = index;
    list.childNodes.forEach((li, i) => li.setAttribute('aria-selected', String(i === index)));
    if (index >= 0) input.setAttribute('aria-activedescendant', `${listId}-${index}`);
    else input.removeAttribute('aria-activedescendant');
  }

  function pick(index) {
    const person = options[index];
    if (!person) return;
    picked = [...picked, { personId: person.personId, name: person.name }];
    input.value = '';
    show([]);
    renderChips();
    input.focus();
  }

  function remove(personId) {
    picked = picked.filter((p) => p.personId !== personId);
    renderChips();
    input.focus();
  }

  function renderChips() {
    replaceChildren(
      chips,
      picked.map((p) =>
        h(
          'li',
          { class: 'person-chip', dataset: { person: p.personId } },
          h('span', { class: 'person-chip-name' }, p.name),
          h('button', { type: 'button', class: 'person-chip-remove', 'aria-label': `Remove ${p.name}`, onClick: () => remove(p.personId) }, icon('close')),
        ),
      ),
    );
    chips.hidden = picked.length === 0;
  }

  input.addEventListener('input', () => void lookUp());
  input.addEventListener('blur', () => show([]));
  input.addEventListener('keydown', (event) => {
    const move = listboxKey(active, options.length, event.key);
    if (move.handled) {
      // Esc closes the list, not the form; Enter picks, never submits.
      event.preventDefault();
      event.stopPropagation?.();
      if (move.pick) pick(active);
      else if (move.close) show([]);
      else highlight(move.active);
    } else if (event.key === 'Enter' && input.value.trim()) {
      // A half-typed name with nothing to pick does not create the chat yet.
      event.preventDefault();
    }
  });

  return {
    element,
    people: () => picked.map((p) => ({ ...p })),
    focus: () => input.focus(),
    isOpen: () => !list.hidden,
  };
}
