// Presence in the status strip: a button with a coloured dot and the words ("Do not disturb"),
// opening a picker of the four choices (arrows + Enter, Esc closes) that sets presence.

import { h, replaceChildren } from '../lib/dom.js';
import { listboxKey } from '../lib/listbox.js';
import { PRESENCE_CHOICES } from '../lib/presence.js';

/**
 * @param {{ store: any, toast: Function, line: ReturnType<import('../line.js').createLine> }} ctx
 */
export function createPresence({ store, toast, line }) {
  const dot = h('span', { class: 'presence-dot', 'aria-hidden': 'true' });
  const words = h('span', { class: 'presence-words' });
  const button = h(
    'button',
    { type: 'button', class: 'presence-button', 'aria-haspopup': 'listbox', 'aria-expanded': 'false', 'aria-controls': 'presence-list', onClick: () => (list.hidden ? open() : close(false)) },
    dot,
    words,
  );
  const options = PRESENCE_CHOICES.map(({ choice, words: label }) =>
    h('li', { id: `presence-${choice}`, role: 'option', 'aria-selected': 'false', dataset: { presence: choice }, onClick: () => void choose(choice) }, h('span', { class: 'presence-dot', 'aria-hidden': 'true', dataset: { presence: choice } }), label),
  );
  const list = h('ul', { id: 'presence-list', class: 'presence-list', role: 'listbox', 'aria-label': 'Presence', tabindex: '-1', hidden: true }, options);
  const element = h('div', { class: 'presence', hidden: true }, button, list);
  let active = -1;
  let busy = false;

  function render() {
    const current = store.get().line;
    element.hidden = !current?.choice;
    if (!current?.choice) return close(false);
    dot.dataset.presence = current.choice;
    replaceChildren(words, current.words);
    button.setAttribute('aria-label', `Presence: ${current.words}`);
    options.forEach((option) => option.setAttribute('aria-selected', String(option.dataset.presence === current.choice)));
  }

  function open() {
    list.hidden = false;
    button.setAttribute('aria-expanded', 'true');
    highlight(Math.max(0, PRESENCE_CHOICES.findIndex((c) => c.choice === store.get().line?.choice)));
    list.focus();
  }

  function close(refocus = true) {
    if (list.hidden) return;
    list.hidden = true;
    button.setAttribute('aria-expanded', 'false');
    list.removeAttribute('aria-activedescendant');
    if (refocus) button.focus();
  }

  function highlight(index) {
    active = index;
    options.forEach((option, i) => (option.dataset.active = String(i === index)));
    list.setAttribute('aria-activedescendant', options[index].id);
  }

  async function choose(choice) {
    close();
    if (busy || choice === store.get().line?.choice) return;
    busy = true;
    button.disabled = true;
    try {
      await line.set(choice);
    } catch (error) {
      toast(error.message, error.hint, 'error');
    } finally {
      busy = false;
      button.disabled = false;
    }
  }

  list.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' || event.key === 'Tab') {
      if (event.key === 'Escape') event.preventDefault();
      event.stopPropagation?.();
      close(event.key === 'Escape');
      return;
    }
    if (event.key === ' ') {
      event.preventDefault();
      void choose(PRESENCE_CHOICES[active].choice);
      return;
    }
    const move = listboxKey(active, options.length, event.key);
    if (!move.handled) return;
    event.preventDefault();
    event.stopPropagation?.();
    if (move.pick) void choose(PRESENCE_CHOICES[move.active].choice);
    else highlight(move.active);
  });
  button.addEventListener('keydown', (event) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      open();
    }
  });
  list.addEventListener('focusout', (event) => {
    if (!event.relatedTarget || !element.contains?.(event.relatedTarget)) close(false);
  });

  store.subscribe(render);
  render();
  return { element, open, close };
}
