// Settings → Do not call: the numbers ringdesk never dials (from the dial view, a link or a call
// list), each with the agent's note and a Remove button ("Remove <number>"), and a form to add
// one (number, note, Add). The list is read again after each change, as the core keeps it
// (numbers as it shows them); refusals (a number it cannot read) are toasts, what was typed stays.

import { h, replaceChildren } from '../lib/dom.js';

/**
 * @param {{ backend: any, toast: Function }} ctx
 */
export function createDoNotCallEditor({ backend, toast }) {
  const list = h('ul', { class: 'dnc-list', 'aria-labelledby': 'dnc-title' });
  const empty = h('p', { class: 'muted dnc-empty', hidden: true }, 'No numbers on the list.');
  const number = h('input', { id: 'dnc-number', type: 'tel', autocomplete: 'off', placeholder: '+1 650 555 0123' });
  const note = h('input', { id: 'dnc-note', type: 'text', autocomplete: 'off', placeholder: 'Asked not to be called' });
  const add = h('button', { type: 'submit', id: 'dnc-add' }, 'Add');
  const form = h(
    'form',
    { class: 'dnc-form', 'aria-label': 'Add a number to the do-not-call list', onSubmit: (e) => (e.preventDefault(), void addNumber()) },
    h('div', { class: 'field' }, h('label', { for: 'dnc-number' }, 'Number'), number),
    h('div', { class: 'field' }, h('label', { for: 'dnc-note' }, 'Note'), note),
    add,
  );
  const element = h(
    'div',
    { class: 'dnc-editor' },
    h('p', { class: 'muted dnc-about' }, 'ringdesk never calls these numbers, from anywhere.'),
    list,
    empty,
    form,
  );

  function render(entries) {
    const rows = Array.isArray(entries) ? entries : [];
    empty.hidden = rows.length > 0;
    replaceChildren(
      list,
      rows.map((entry) =>
        h(
          'li',
          { class: 'dnc-row' },
          h('span', { class: 'dnc-entry' }, h('span', { class: 'dnc-number' }, entry.number), entry.note ? h('span', { class: 'dnc-note muted' }, entry.note) : null),
          h('button', { type: 'button', class: 'dnc-remove', 'aria-label': `Remove ${entry.number}`, onClick: (e) => void remove(entry.number, e.currentTarget ?? e.target) }, 'Remove'),
        ),
      ),
    );
  }

  async function reload() {
    try {
      render(await backend.doNotCallList());
    } catch (error) {
      toast(error.message, error.hint, 'error');
    }
  }

  async function addNumber() {
    if (add.disabled) return;
    if (!number.value.trim()) {
      toast('Type the number to add', '', 'error');
      number.focus();
      return;
    }
    add.disabled = true;
    try {
      const entry = await backend.addDoNotCall(number.value.trim(), note.value.trim());
      number.value = '';
      note.value = '';
      toast(`${entry?.number ?? 'The number'} is on the do-not-call list`);
      await reload();
      number.focus();
    } catch (error) {
      toast(error.message, error.hint, 'error');
    } finally {
      add.disabled = false;
    }
  }

  async function remove(shown, button) {
    if (button) button.disabled = true;
    try {
      await backend.removeDoNotCall(shown);
      toast(`${shown} can be called again`);
      await reload();
      // The button pressed is gone: focus stays in the section.
      number.focus();
    } catch (error) {
      toast(error.message, error.hint, 'error');
      if (button) button.disabled = false;
    }
  }

  return { element, show: reload };
}
