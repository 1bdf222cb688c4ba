// Call lists: numbers to call one after another, paced by the agent. A list is made by pasting
// text with numbers (a spreadsheet's column, lines like "Ana Silva, (650) 555-0100, promised a
// quote") or from History and Contacts (their "Add to call list" buttons bring the numbers here
// to pick the list). Start / Next dials the next entry; once the call is wrapped up (its card
// saved), the next one is dialed by itself after the countdown set in Settings — shown in Lists
// only, stopped by any key or click, by another card opening or by leaving Lists; Pause keeps
// it from starting. Entries move up and down and are skipped;
// where each stands is the core's (it survives restarts).

import { h, icon, replaceChildren } from '../lib/dom.js';
import { countdownWords, entryStateWords, hasWaiting, listProgress } from '../lib/lists.js';

export const listsView = { id: 'lists', label: 'Lists', icon: 'lists', create };

/**
 * @param {any} ctx
 */
function create(ctx) {
  const { backend, store } = ctx;
  let names = [];
  let current = null; // the CallListView shown
  let additions = []; // numbers from History or Contacts waiting for a list to go to
  let paused = false;
  let countdown = null; // { timer, left }

  const picker = h('select', { id: 'list-pick', 'aria-label': 'Call list', onChange: () => void open(picker.value) });
  const newButton = h('button', { type: 'button', id: 'list-new', onClick: () => showForm(true) }, 'New list');

  // ----- adding numbers: pasted, or brought from History / Contacts
  const nameField = h('input', { id: 'list-name', type: 'text', autocomplete: 'off', list: 'list-names', placeholder: 'Today\'s renewals' });
  const nameOptions = h('datalist', { id: 'list-names' });
  const paste = h('textarea', { id: 'list-paste', rows: '5', placeholder: 'Paste numbers: a column from a spreadsheet, or lines like "Ana Silva, (650) 555-0100, promised a quote"' });
  const bringing = h('p', { class: 'list-bringing', hidden: true });
  const addButton = h('button', { type: 'button', id: 'list-add', class: 'primary', onClick: () => void addNumbers() }, 'Add to list');
  const cancelAdd = h('button', { type: 'button', onClick: () => showForm(false) }, 'Cancel');
  const skippedList = h('ul', { class: 'list-skipped', 'aria-label': 'Lines not added', hidden: true });
  const pasteField = h('div', { class: 'field list-paste-field' }, h('label', { for: 'list-paste' }, 'Numbers'), paste);
  const form = h(
    'section',
    { class: 'panel list-form', 'aria-labelledby': 'list-form-title', hidden: true },
    h('h2', { id: 'list-form-title' }, 'Add numbers to a list'),
    h('div', { class: 'field' }, h('label', { for: 'list-name' }, 'List'), nameField, nameOptions),
    bringing,
    pasteField,
    h('div', { class: 'form-actions' }, addButton, cancelAdd),
  );

  // ----- the list shown
  const title = h('h2', { id: 'list-title' });
  const progress = h('span', { class: 'list-progress muted' });
  const nextWords = h('span', { class: 'list-next-words' }, 'Start');
  const nextButton = h('button', { type: 'button', id: 'list-next', class: 'primary', onClick: () => void next() }, icon('call'), nextWords);
  const pauseButton = h('button', { type: 'button', id: 'list-pause', 'aria-pressed': 'false', title: 'Stop dialing the next entry by itself', onClick: () => setPaused(!paused) }, 'Pause');
  const deleteButton = h('button', { type: 'button', id: 'list-delete', onClick: () => void remove() }, 'Delete list');
  const counter = h('p', { id: 'list-countdown', class: 'list-countdown', role: 'status', 'aria-live': 'assertive', hidden: true });
  const entries = h('ol', { id: 'list-entries', class: 'list-entries', 'aria-labelledby': 'list-title' });
  const shown = h(
    'section',
    { class: 'list-shown', hidden: true },
    h('div', { class: 'list-head' }, title, progress),
    h('div', { class: 'list-actions' }, nextButton, pauseButton, deleteButton),
    counter,
    entries,
  );
  const empty = h('p', { class: 'empty' }, 'No call lists yet. Paste numbers to make one, or add them from History or a contact.');

  const element = h(
    'section',
    { class: 'view lists', 'aria-labelledby': 'lists-title' },
    h('div', { class: 'view-header' }, h('h1', { id: 'lists-title' }, 'Call lists'), picker, newButton),
    form,
    skippedList,
    empty,
    shown,
  );

  function fail(error) {
    ctx.toast(error.message, error.hint, 'error');
  }

  // ----- reading

  async function loadNames(pick) {
    try {
      names = await backend.callLists();
    } catch (error) {
      fail(error);
      return;
    }
    replaceChildren(picker, names.map((name) => h('option', { value: name }, name)));
    replaceChildren(nameOptions, names.map((name) => h('option', { value: name })));
    picker.hidden = names.length === 0;
    empty.hidden = names.length > 0 || !form.hidden;
    const wanted = pick ?? current?.name ?? names[0];
    const name = names.find((n) => n.toLowerCase() === String(wanted ?? '').toLowerCase()) ?? names[0];
    if (name) await open(name);
    else render(null);
  }

  async function open(name) {
    try {
      render(await backend.callList(name));
    } catch (error) {
      fail(error);
    }
  }

  function render(list) {
    if (current?.name !== list?.name) cancelCountdown();
    current = list;
    shown.hidden = !list;
    if (!list) return;
    picker.value = list.name;
    title.textContent = list.name;
    progress.textContent = listProgress(list);
    const started = list.entries.some((e) => e.state !== 'waiting');
    replaceChildren(nextWords, started ? 'Next' : 'Start');
    nextButton.disabled = !hasWaiting(list);
    const last = list.entries.length;
    replaceChildren(
      entries,
      list.entries.map((entry) => {
        const who = entry.name || entry.display;
        const movable = entry.state === 'waiting' || entry.state === 'call_back';
        return h(
          'li',
          { class: 'list-entry', dataset: { state: entry.state } },
          h('span', { class: 'list-entry-place muted' }, String(entry.position)),
          h(
            'span',
            { class: 'list-entry-who' },
            h('span', { class: 'list-entry-name' }, who),
            h('span', { class: 'list-entry-detail muted' }, [entry.name ? entry.display : null, entry.note].filter(Boolean).join(' · ')),
          ),
          h('span', { class: 'list-entry-state' }, entryStateWords(entry)),
          h(
            'span',
            { class: 'row-actions' },
            h('button', { type: 'button', class: 'icon-button small', 'aria-label': `Move ${who} up`, disabled: entry.position === 1, onClick: () => void move(entry.position, entry.position - 1) }, icon('up')),
            h('button', { type: 'button', class: 'icon-button small', 'aria-label': `Move ${who} down`, disabled: entry.position === last, onClick: () => void move(entry.position, entry.position + 1) }, icon('down')),
            h('button', { type: 'button', class: 'small list-skip', 'aria-label': `Skip ${who}`, disabled: !movable, onClick: () => void skip(entry.position) }, 'Skip'),
          ),
        );
      }),
    );
  }

  // ----- adding

  function showForm(open, list = current?.name ?? '') {
    form.hidden = !open;
    empty.hidden = open || names.length > 0;
    if (!open) {
      additions = [];
      return;
    }
    nameField.value = list;
    paste.value = '';
    const bringingNumbers = additions.length > 0;
    bringing.hidden = !bringingNumbers;
    pasteField.hidden = bringingNumbers;
    if (bringingNumbers) {
      bringing.textContent = additions.map((a) => (a.name ? `${a.name} (${a.number})` : a.number)).join(', ');
    }
    nameField.focus();
  }

  async function addNumbers() {
    const name = nameField.value.trim();
    if (!name) {
      ctx.toast('Name the list', 'Type a new name, or pick a list you have.', 'error');
      nameField.focus();
      return;
    }
    addButton.disabled = true;
    let made;
    try {
      made = additions.length ? await backend.addToCallList(name, additions) : await backend.pasteCallList(name, paste.value);
    } catch (error) {
      fail(error);
      return;
    } finally {
      addButton.disabled = false;
    }
    showForm(false);
    replaceChildren(skippedList, made.skipped.map((s) => h('li', {}, `Line ${s.line}: ${s.reason}`)));
    skippedList.hidden = made.skipped.length === 0;
    ctx.toast(`${made.list.name}: ${made.list.entries.length} to call`);
    await loadNames(made.list.name);
  }

  // ----- tending

  async function move(position, to) {
    try {
      render(await backend.moveListEntry(current.name, position, to));
    } catch (error) {
      fail(error);
    }
  }

  async function skip(position) {
    try {
      render(await backend.skipListEntry(current.name, position));
    } catch (error) {
      fail(error);
    }
  }

  async function remove() {
    const name = current?.name;
    if (!name) return;
    try {
      await backend.deleteCallList(name);
    } catch (error) {
      fail(error);
      return;
    }
    ctx.toast(`Deleted the list ${name}`);
    current = null;
    await loadNames();
  }

  function setPaused(on) {
    paused = on;
    pauseButton.setAttribute('aria-pressed', String(on));
    pauseButton.textContent = on ? 'Resume' : 'Pause';
    if (on) cancelCountdown();
  }

  // ----- dialing

  async function next() {
    cancelCountdown();
    const name = current?.name;
    if (!name) return;
    nextButton.disabled = true;
    try {
      const call = await backend.nextInList(name);
      if (call) store.update({ call });
      else ctx.toast(`${name}: nothing left to call now`);
    } catch (error) {
      fail(error);
    } finally {
      // The list may have been deleted meanwhile: shown again only while it is the one shown.
      if (current?.name === name) await open(name);
    }
  }

  /** A wrap-up was saved: the list whose call it was goes on by itself after the countdown. */
  async function wrapUpSaved(view) {
    if (!current) return;
    const ours = current.entries.some((e) => e.callKey === view?.callKey);
    await open(current.name);
    if (!ours || paused || element.hidden || !hasWaiting(current) || ctx.wrapUpOpen?.()) return;
    const seconds = Number(current.countdownSecs) || 0;
    if (seconds > 0) startCountdown(seconds);
  }

  function startCountdown(seconds) {
    cancelCountdown();
    countdown = { left: seconds, timer: null };
    const tick = () => {
      if (!countdown) return;
      // Only in sight and with no card open: a card that popped meanwhile (a customer's call
      // ended), or Lists left, stops it — the agent presses Next when ready.
      if (element.hidden || ctx.wrapUpOpen?.()) {
        cancelCountdown();
        return;
      }
      if (countdown.left <= 0) {
        cancelCountdown();
        void next();
        return;
      }
      counter.textContent = countdownWords(countdown.left);
      countdown.left -= 1;
      countdown.timer = setTimeout(tick, 1000);
    };
    counter.hidden = false;
    const doc = element.ownerDocument;
    doc?.addEventListener?.('keydown', stopper, true);
    doc?.addEventListener?.('pointerdown', stopper, true);
    tick();
  }

  /** Any key or click while the countdown runs stops it (the key does nothing else). */
  function stopper(event) {
    if (!countdown) return;
    event.preventDefault?.();
    event.stopPropagation?.();
    cancelCountdown();
    ctx.toast('Stopped: press Next when ready');
  }

  function cancelCountdown() {
    if (countdown?.timer) clearTimeout(countdown.timer);
    countdown = null;
    counter.hidden = true;
    const doc = element.ownerDocument;
    doc?.removeEventListener?.('keydown', stopper, true);
    doc?.removeEventListener?.('pointerdown', stopper, true);
  }

  // A call placed from the list moves its entry: shown as it goes.
  backend.on?.('call', (call) => {
    if (call?.done && current && !element.hidden) void open(current.name);
  });

  return {
    element,
    focus: () => (form.hidden ? nextButton : nameField).focus(),
    escape: () => {
      if (countdown) cancelCountdown();
      else if (!form.hidden) showForm(false);
    },
    async show() {
      await loadNames();
    },
    /** History or Contacts brought numbers ([{ number, name, note }]): pick the list. */
    bring(numbers) {
      additions = numbers.filter((n) => n?.number);
      showForm(true);
      void loadNames();
    },
    wrapUpSaved,
    /** Whether a countdown runs (tests). */
    get counting() {
      return countdown !== null;
    },
  };
}
