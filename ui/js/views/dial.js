// Dial: the number field (focused at start), the keypad and the Call button.

import { h, icon } from '../lib/dom.js';
import { KEYS, deleteBack, insertAt, isDialKey } from '../lib/dialpad.js';

export const dialView = { id: 'dial', label: 'Dial', icon: 'dial', create };

function create() {
  const input = h('input', {
    id: 'dial-number',
    class: 'number-input',
    type: 'tel',
    inputmode: 'tel',
    autocomplete: 'off',
    spellcheck: 'false',
    'aria-describedby': 'dial-preview',
  });
  const preview = h('div', { id: 'dial-preview', class: 'number-preview', 'aria-live': 'polite' });

  const press = (symbol) => {
    const { value, caret } = insertAt(input.value, symbol, input.selectionStart ?? undefined, input.selectionEnd ?? undefined);
    setValue(value, caret);
  };
  const setValue = (value, caret) => {
    input.value = value;
    input.focus();
    input.setSelectionRange?.(caret, caret);
  };
  const backspace = () => {
    const { value, caret } = deleteBack(input.value, input.selectionStart ?? undefined, input.selectionEnd ?? undefined);
    setValue(value, caret);
  };

  const pad = h(
    'div',
    { class: 'dialpad', role: 'group', 'aria-label': 'Dial pad' },
    KEYS.map(([symbol, letters]) =>
      h(
        'button',
        { type: 'button', 'aria-label': letters ? `${symbol} ${letters}` : symbol, onClick: () => press(symbol) },
        h('span', { class: 'digit' }, symbol),
        h('span', { class: 'letters', 'aria-hidden': 'true' }, letters),
      ),
    ),
  );

  const call = h(
    'button',
    { type: 'button', class: 'call-button', 'aria-label': 'Call', disabled: true, 'aria-describedby': 'dial-note' },
    icon('call'),
    'Call',
  );
  const note = h(
    'p',
    { id: 'dial-note', class: 'muted' },
    'Placing calls needs a RingCentral sign-in, which this build does not have yet.',
  );

  const element = h(
    'section',
    { class: 'view', 'aria-labelledby': 'dial-title' },
    h('h1', { id: 'dial-title', class: 'visually-hidden' }, 'Dial'),
    h('div', { class: 'field' }, h('label', { for: 'dial-number' }, 'Phone number'), input, preview),
    pad,
    h('div', { class: 'dial-actions' }, call, h('button', { type: 'button', class: 'icon-button', 'aria-label': 'Delete last digit', onClick: backspace }, icon('backspace'))),
    note,
  );

  // Typing a dial key anywhere in the view goes to the number field.
  element.addEventListener('keydown', (event) => {
    const target = event.target;
    if (target === input || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target?.tagName)) return;
    if (isDialKey(event.key) && !event.ctrlKey && !event.metaKey) {
      event.preventDefault();
      press(event.key);
    }
  });

  return {
    element,
    focus: () => input.focus(),
    escape: () => setValue('', 0),
  };
}
