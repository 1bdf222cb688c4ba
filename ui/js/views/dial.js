// Dial: the number field (focused at start) with a live preview of the normalised number and
// the matched contact, suggestions from contacts and recent numbers, the keypad, the
// "ring me at" and caller-ID pickers, and the Call button.

import { h, icon, replaceChildren } from '../lib/dom.js';
import { KEYS, deleteBack, insertAt, isDialKey } from '../lib/dialpad.js';
import { latest } from '../lib/debounce.js';
import { listboxKey } from '../lib/listbox.js';
import { previewLine } from '../lib/number.js';

export const dialView = { id: 'dial', label: 'Dial', icon: 'dial', create };

function create(ctx) {
  const { backend, store } = ctx;
  const input = h('input', {
    id: 'dial-number',
    class: 'number-input',
    type: 'tel',
    inputmode: 'tel',
    autocomplete: 'off',
    spellcheck: 'false',
    role: 'combobox',
    'aria-autocomplete': 'list',
    'aria-expanded': 'false',
    'aria-controls': 'dial-suggestions',
    'aria-describedby': 'dial-preview',
  });
  const preview = h('div', { id: 'dial-preview', class: 'number-preview', 'aria-live': 'polite' });
  const suggestions = h('ul', { id: 'dial-suggestions', class: 'suggestions', role: 'listbox', 'aria-label': 'Suggestions', hidden: true });
  let options = [];
  let active = -1;
  let current = null; // the latest NumberPreview
  let previewed = null; // the text `current` describes

  const parse = latest((text) => backend.parseNumber(text));
  const suggest = latest((text) => backend.suggest(text));

  async function refresh() {
    const text = input.value;
    updateCallButton();
    if (!text.trim()) {
      current = null;
      previewed = null;
      renderPreview();
      renderSuggestions([]);
      updateCallButton();
      return;
    }
    const [parsed, suggested] = await Promise.all([parse(text), suggest(text)]);
    if (!parsed.stale) {
      current = parsed.error ? { ok: false, error: parsed.error } : parsed.value;
      previewed = text;
      renderPreview();
      updateCallButton();
    }
    if (!suggested.stale) renderSuggestions(suggested.value ?? []);
  }

  function renderPreview() {
    const line = previewLine(current);
    preview.dataset.tone = line.tone;
    replaceChildren(preview, line.text);
  }

  function renderSuggestions(list) {
    options = list;
    active = -1;
    replaceChildren(
      suggestions,
      list.map((s, i) =>
        h(
          'li',
          { id: `dial-suggestion-${i}`, role: 'option', 'aria-selected': 'false', onMousedown: (e) => { e.preventDefault(); pick(i); } },
          h('span', { class: 'suggestion-name' }, s.name || s.display),
          h('span', { class: 'suggestion-detail' }, [s.name ? s.display : null, s.detail].filter(Boolean).join(' · ')),
        ),
      ),
    );
    suggestions.hidden = list.length === 0;
    input.setAttribute('aria-expanded', String(list.length > 0));
    input.removeAttribute('aria-activedescendant');
  }

  function highlight(index) {
    active = index;
    suggestions.childNodes.forEach((li, i) => li.setAttribute('aria-selected', String(i === index)));
    if (index >= 0) input.setAttribute('aria-activedescendant', `dial-suggestion-${index}`);
    else input.removeAttribute('aria-activedescendant');
  }

  function pick(index) {
    const choice = options[index];
    if (!choice) return;
    setValue(choice.dial, choice.dial.length);
    renderSuggestions([]);
  }

  function setValue(value, caret) {
    input.value = value;
    input.focus();
    input.setSelectionRange?.(caret, caret);
    void refresh();
  }

  const press = (symbol) => {
    const { value, caret } = insertAt(input.value, symbol, input.selectionStart ?? undefined, input.selectionEnd ?? undefined);
    setValue(value, caret);
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

  const ringMeAt = h('select', { id: 'ring-me-at', onChange: () => saveChoice({ ringMeAt: ringMeAt.value }) });
  const callerId = h('select', { id: 'caller-id', onChange: () => saveChoice({ callerId: callerId.value }) });
  const pickers = h(
    'div',
    { class: 'pickers' },
    h('div', { class: 'field' }, h('label', { for: 'ring-me-at' }, 'Ring me at'), ringMeAt),
    h('div', { class: 'field' }, h('label', { for: 'caller-id' }, 'Caller ID'), callerId),
  );

  async function saveChoice(patch) {
    try {
      await backend.saveSettings(patch);
    } catch (error) {
      ctx.toast(error.message, error.hint, 'error');
    }
  }

  async function loadOptions() {
    try {
      const choices = await backend.callOptions();
      fillSelect(ringMeAt, choices.ringMeAt, choices.selectedRingMeAt);
      fillSelect(callerId, choices.callerIds, choices.selectedCallerId);
    } catch {
      fillSelect(ringMeAt, [], null);
      fillSelect(callerId, [], null);
    }
  }

  const call = h('button', { type: 'button', class: 'call-button', 'aria-label': 'Call', disabled: true, onClick: () => void placeCall() }, icon('call'), 'Call');

  // Why Call would do nothing now, or null. Text whose preview has not come back yet is
  // callable: the core normalises it again when the call is placed, and says so if it cannot.
  function blocked() {
    const { session, call: live, placing } = store.get();
    if (session?.state !== 'signed_in') return 'Sign in to place calls';
    if (placing || (live && !live.final)) return 'A call is already being set up';
    if (!input.value.trim()) return 'Type or paste a phone number first';
    if (previewed === input.value && current && !current.ok) return current.error?.message ?? 'This is not a phone number';
    return null;
  }

  function updateCallButton() {
    const reason = blocked();
    call.disabled = reason !== null;
    call.title = reason ?? '';
  }

  async function placeCall() {
    const reason = blocked();
    if (reason) {
      // Enter on a field that cannot be called: say why, never drop the press silently.
      if (!store.get().placing) ctx.toast(reason);
      return;
    }
    store.update({ placing: true });
    try {
      const started = await backend.placeCall(input.value);
      store.update({ call: started });
    } catch (error) {
      ctx.toast(error.message, error.hint, 'error');
    } finally {
      store.update({ placing: false });
    }
  }

  input.addEventListener('input', () => void refresh());
  input.addEventListener('keydown', (event) => {
    const move = listboxKey(active, options.length, event.key);
    if (move.handled) {
      event.preventDefault();
      event.stopPropagation?.();
      if (move.pick) pick(active);
      else if (move.close) renderSuggestions([]);
      else highlight(move.active);
      return;
    }
    if (event.key === 'Enter') {
      event.preventDefault();
      void placeCall();
    }
  });

  const element = h(
    'section',
    { class: 'view', 'aria-labelledby': 'dial-title' },
    h('h1', { id: 'dial-title', class: 'visually-hidden' }, 'Dial'),
    h('div', { class: 'field combobox' }, h('label', { for: 'dial-number' }, 'Phone number'), input, preview, suggestions),
    pad,
    h('div', { class: 'dial-actions' }, call, h('button', { type: 'button', class: 'icon-button', 'aria-label': 'Delete last digit', onClick: backspace }, icon('backspace'))),
    pickers,
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

  // The pickers are read once per sign-in (each read costs two requests of RingCentral's
  // Light group, which the live call's status polls share), not on every session event.
  let lastSession = null;
  store.subscribe((state) => {
    updateCallButton();
    const session = state.session?.state === 'signed_in' ? `${state.session.mode}:${state.session.user?.extensionNumber ?? ''}` : null;
    if (session && session !== lastSession) void loadOptions();
    lastSession = session;
  });

  return {
    element,
    focus: () => input.focus(),
    escape: () => setValue('', 0),
    /** Puts a number in the field (a clicked link, "call back"), and dials when asked. */
    async fill(number, dial = false) {
      setValue(number, number.length);
      await refresh();
      if (dial) await placeCall();
    },
  };
}

function fillSelect(select, choices, selected) {
  replaceChildren(
    select,
    choices.length === 0
      ? h('option', { value: '' }, 'Account default')
      : choices.map((c) => h('option', { value: c.value, selected: c.value === selected }, c.label)),
  );
  select.disabled = choices.length === 0;
}
