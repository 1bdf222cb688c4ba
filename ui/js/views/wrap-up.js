// The wrap-up card, above every view (under the incoming-call banner), offered when a call has
// ended — one ringdesk placed, or a customer's (the `wrap-up` event) — opened from the status
// strip's "to wrap up" count, or from a History row (a saved one too, to change it): the call, its disposition (a radiogroup; digits 1–9 pick), notes, tags and a
// follow-up. Every change is autosaved as a draft (debounced, and at once on Later); Save
// (Ctrl/Cmd+Enter) needs a disposition and closes the card, Later (Esc) keeps the draft. Calls
// that end while the card is open wait their turn, oldest first. The count itself (the store's
// `wrapupsDue`, from `wrapups_to_do`) is a button in the status strip, hidden at 0.

import { h, replaceChildren } from '../lib/dom.js';
import { latest } from '../lib/debounce.js';
import {
  callWords, cardFields, digitPick, dispositionLabel, dueWords, isSaveKey, isTextField, wrapUpInput,
} from '../lib/wrap-up.js';

/** How long typing pauses before the draft is autosaved. */
export const AUTOSAVE_MS = 400;

/**
 * @param {{ backend: any, store: any, toast: Function, focusView: () => void }} ctx
 * @param {{ onSaved?: (view: any) => void }} [options] `onSaved`: a wrap-up was saved (its
 *   follow-up may have changed)
 */
export function createWrapUp(ctx, { onSaved } = {}) {
  const { backend, store, toast } = ctx;
  let dispositions = [];
  let radios = [];
  let current = null; // the WrapUpView shown, null when the card is closed
  let picked = null; // the disposition picked (one of `dispositions`)
  let queue = []; // WrapUpViews that came by event while the card was open, oldest first
  let timer = null; // the debounced autosave
  let saving = false;
  let autosaves = Promise.resolve(); // autosaves one after the other, never overtaking
  let lastError = ''; // an autosave error already toasted for this card

  const title = h('h2', { id: 'wrapup-title', class: 'wrapup-title' });
  const when = h('p', { class: 'wrapup-when muted' });
  const group = h('div', { class: 'wrapup-dispositions', role: 'radiogroup', 'aria-labelledby': 'wrapup-disposition-label', onKeydown: onRadioKey });
  const notes = h('textarea', { id: 'wrapup-notes', rows: '3', placeholder: 'What was said, what was agreed' });
  const tags = h('input', { id: 'wrapup-tags', type: 'text', autocomplete: 'off', placeholder: 'vip, renewal' });
  const followUp = h('input', { id: 'wrapup-follow-up', type: 'datetime-local' });
  const followUpNote = h('input', { id: 'wrapup-follow-up-note', type: 'text', autocomplete: 'off', placeholder: 'What you promised' });
  const save = h('button', { type: 'button', id: 'wrapup-save', class: 'primary', title: 'Save (Ctrl+Enter)', 'aria-keyshortcuts': 'Control+Enter Meta+Enter', onClick: () => void saveNow() }, 'Save');
  const later = h('button', { type: 'button', id: 'wrapup-later', title: 'Keep as a draft (Esc)', 'aria-keyshortcuts': 'Escape', onClick: () => laterNow() }, 'Later');
  const field = (id, words, control, extra = '') => h('div', { class: `field ${extra}`.trim() }, h('label', { for: id }, words), control);
  const element = h(
    'section',
    { class: 'wrapup', 'aria-labelledby': 'wrapup-title', hidden: true, onKeydown: onKey },
    h('div', { class: 'wrapup-head' }, title, when),
    h('div', { class: 'wrapup-outcome' }, h('span', { id: 'wrapup-disposition-label', class: 'wrapup-label' }, 'Disposition'), group),
    field('wrapup-notes', 'Notes', notes),
    field('wrapup-tags', 'Tags (comma separated)', tags),
    h(
      'div',
      { class: 'wrapup-follow-up' },
      field('wrapup-follow-up', 'Follow up on', followUp),
      field('wrapup-follow-up-note', 'Follow-up note', followUpNote, 'wrapup-follow-up-words'),
    ),
    h('div', { class: 'form-actions wrapup-actions' }, save, later),
  );
  for (const control of [notes, tags, followUp, followUpNote]) {
    control.addEventListener('input', changed);
    control.addEventListener('change', changed);
  }

  const words = h('span', { class: 'wrapups-words' });
  const count = h('span', { class: 'wrapups-count' });
  const due = h('button', { type: 'button', id: 'wrapups-due', class: 'wrapups-due', hidden: true, onClick: () => void openOldest() }, count, words);

  // ----- the card

  /** Shows `view` on the card, focus on its disposition (the first when none is picked). */
  function open(view) {
    current = view;
    element.dataset.callKey = view.callKey;
    picked = known(view.disposition);
    lastError = '';
    const fields = cardFields(view);
    notes.value = fields.notes;
    tags.value = fields.tags;
    followUp.value = fields.followUpAt;
    followUpNote.value = fields.followUpNote;
    replaceChildren(title, `Wrap up: ${view.party || view.number || 'call'}`);
    replaceChildren(when, callWords(view));
    renderRadios();
    save.disabled = false;
    element.hidden = false;
    focusRadios();
    if (!dispositions.length) {
      void loadDispositions().then(() => {
        if (current !== view) return;
        picked = known(view.disposition);
        renderRadios();
        // Focus waited on Save for the list; it moves on unless the agent took it elsewhere.
        if (element.ownerDocument?.activeElement === save) focusRadios();
      });
    }
  }

  /** A wrap-up to offer: shown at once, or after the one open (in the order the calls ended). */
  function offer(view) {
    if (!view?.callKey || view.saved) return;
    if (!current) open(view);
    else if (view.callKey !== current.callKey && !queue.some((v) => v.callKey === view.callKey)) queue.push(view);
  }

  /**
   * Opens `view` because the agent asked (a History row's Wrap up): a saved wrap-up too, to
   * change it; while another card is open, says to finish that one first.
   */
  function edit(view) {
    if (!view?.callKey) return;
    if (current && current.callKey !== view.callKey) {
      toast(`Finish the wrap-up of ${current.party || current.number} first`, 'Save it, or press Esc to keep it for later.', 'error');
      focusRadios();
      return;
    }
    if (!current) open(view);
  }

  /** The "to wrap up" count: opens the oldest draft (or puts focus back in the open card). */
  async function openOldest() {
    if (current) return focusRadios();
    let drafts;
    try {
      drafts = await backend.wrapupsToDo();
    } catch (error) {
      toast(error.message, error.hint, 'error');
      return undefined;
    }
    store.update({ wrapupsDue: drafts.length });
    if (current) return focusRadios();
    if (drafts.length) open(drafts[0]);
    else toast('Nothing to wrap up');
    return undefined;
  }

  function renderRadios() {
    const at = Math.max(0, dispositions.findIndex((d) => d === picked));
    radios = dispositions.map((name, i) =>
      h(
        'button',
        {
          type: 'button', role: 'radio', class: 'wrapup-disposition', 'aria-checked': String(name === picked),
          tabindex: i === at ? '0' : '-1', dataset: { index: i }, onClick: () => pick(i, true),
        },
        i < 9 ? [h('span', { class: 'wrapup-key' }, String(i + 1)), ' ', name] : dispositionLabel(i, name),
      ),
    );
    replaceChildren(group, radios.length ? radios : h('span', { class: 'muted' }, 'No dispositions to pick from.'));
  }

  function focusRadios() {
    const at = radios.findIndex((r) => r.getAttribute('aria-checked') === 'true');
    (radios[at >= 0 ? at : 0] ?? save).focus();
  }

  /** Picks disposition `index` (focus follows when `focus`, as arrows and clicks do). */
  function pick(index, focus) {
    if (!current || !dispositions[index]) return;
    picked = dispositions[index];
    radios.forEach((radio, i) => {
      radio.setAttribute('aria-checked', String(i === index));
      radio.setAttribute('tabindex', i === index ? '0' : '-1');
    });
    if (focus) radios[index].focus();
    changed();
  }

  /** Arrows move through the dispositions and pick (the radio pattern), Home and End too. */
  function onRadioKey(event) {
    const at = radios.indexOf(event.target);
    if (at < 0 || event.ctrlKey || event.metaKey || event.altKey) return;
    const last = radios.length - 1;
    const to = { ArrowDown: at + 1, ArrowRight: at + 1, ArrowUp: at - 1, ArrowLeft: at - 1, Home: 0, End: last }[event.key];
    if (to === undefined) return;
    event.preventDefault();
    pick(to > last ? 0 : to < 0 ? last : to, true);
  }

  /** Keys anywhere in the card: Ctrl/Cmd+Enter saves, Esc is Later, 1–9 pick (outside fields). */
  function onKey(event) {
    if (!current || event.defaultPrevented) return;
    if (isSaveKey(event)) {
      event.preventDefault();
      void saveNow();
    } else if (event.key === 'Escape' && !event.ctrlKey && !event.metaKey && !event.altKey) {
      event.preventDefault();
      laterNow();
    } else if (!isTextField(event.target)) {
      const index = digitPick(event, dispositions.length);
      if (index < 0) return;
      event.preventDefault();
      pick(index, radios.includes(event.target));
    }
  }

  // ----- autosave, save, later

  function gather() {
    return wrapUpInput(current.callKey, { disposition: picked, notes: notes.value, tags: tags.value, followUpAt: followUp.value, followUpNote: followUpNote.value });
  }

  /** Something on the card changed: autosave once typing pauses. */
  function changed() {
    if (!current) return;
    clearTimeout(timer);
    timer = setTimeout(autosaveLater, AUTOSAVE_MS);
  }

  function autosaveLater() {
    timer = null;
    if (!current) return;
    // A save under way decides: if it fails, what was typed meanwhile is kept a moment later.
    if (saving) {
      timer = setTimeout(autosaveLater, AUTOSAVE_MS);
      return;
    }
    void autosave(gather(), true);
  }

  /** Keeps `input` as the draft (after any autosave under way); whether it was kept. */
  function autosave(input, loud) {
    const run = autosaves.then(
      () => backend.autosaveWrapup(input).then(
        () => {
          lastError = '';
          return null;
        },
        (error) => {
          // One toast for the same trouble while typing, not one per keystroke.
          if (loud && error.message !== lastError) toast(error.message, error.hint, 'error');
          if (loud) lastError = error.message;
          return error;
        },
      ),
    );
    autosaves = run;
    return run;
  }

  async function saveNow() {
    if (!current || saving) return;
    if (!picked) {
      toast('Pick a disposition to save', dispositions.length ? `Press 1–${Math.min(9, dispositions.length)}, or choose one above.` : '', 'error');
      focusRadios();
      return;
    }
    saving = true;
    save.disabled = true;
    clearTimeout(timer);
    timer = null;
    const shown = current;
    const input = gather();
    let saved;
    try {
      await autosaves; // a draft under way lands first; nothing is autosaved after this save
      saved = await backend.saveWrapup(input);
    } catch (error) {
      toast(error.message, error.hint, 'error');
      return;
    } finally {
      saving = false;
      save.disabled = false;
    }
    if (current !== shown) return;
    toast(`Wrap-up saved: ${shown.party || shown.number}`);
    finish();
    onSaved?.(saved);
  }

  /** Later (Esc): the card closes at once; what it holds is kept as a draft. */
  function laterNow() {
    if (!current || saving) return;
    clearTimeout(timer);
    timer = null;
    const shown = current;
    const input = gather();
    void autosave(input, false).then((error) => {
      if (!error) return;
      const kept = { ...shown, disposition: input.disposition, notes: input.notes, tags: input.tags, followUpAt: input.followUpAt, followUpNote: input.followUpNote };
      toast(`The wrap-up of ${shown.party || shown.number} was not kept: ${error.message}`, error.hint, 'error', [{ label: 'Reopen', run: () => offer(kept) }]);
    });
    finish();
  }

  /** The card is done with: the next call that ended meanwhile, else closed (focus to the view). */
  function finish() {
    // Focus in the card, or nowhere (a click on Later in WebKit does not focus the button).
    const doc = element.ownerDocument;
    const hadFocus = inCard(doc?.activeElement) || !doc?.activeElement || doc.activeElement === doc.body;
    clearTimeout(timer);
    timer = null;
    current = null;
    picked = null;
    void refreshCount();
    const next = queue.shift();
    if (next) return open(next);
    element.hidden = true;
    if (hadFocus) ctx.focusView();
    return undefined;
  }

  function inCard(node) {
    for (let n = node; n; n = n.parentNode) if (n === element) return true;
    return false;
  }

  function known(name) {
    if (name == null) return null;
    return dispositions.find((d) => d.toLowerCase() === String(name).toLowerCase()) ?? null;
  }

  // ----- the count and the list

  const readDrafts = latest(() => backend.wrapupsToDo());
  /** Reads the count of calls to wrap up into the store (`wrapupsDue`). */
  async function refreshCount() {
    const answer = await readDrafts();
    if (!answer.stale && !answer.error && Array.isArray(answer.value)) store.update({ wrapupsDue: answer.value.length });
  }

  async function loadDispositions() {
    try {
      const list = await backend.dispositions();
      if (Array.isArray(list)) dispositions = list.map(String);
    } catch {
      // The card says there are none to pick; the next card asks again.
    }
  }

  function renderCount({ wrapupsDue }) {
    const n = Number(wrapupsDue) || 0;
    due.hidden = n <= 0;
    if (n <= 0) return;
    const name = dueWords(n);
    due.setAttribute('aria-label', name);
    due.setAttribute('title', `${name}: open the oldest`);
    replaceChildren(count, String(n));
    // The words shrink to "to wrap up" in a narrow window (CSS); the name stays whole.
    replaceChildren(words, n === 1 ? h('span', { class: 'wrapups-calls' }, ' call') : h('span', { class: 'wrapups-calls' }, ' calls'), ' to wrap up');
  }
  store.subscribe(renderCount);
  renderCount(store.get());

  backend.on?.('wrap-up', (view) => {
    offer(view);
    void refreshCount();
  });

  return {
    element,
    /** The status strip's "N calls to wrap up" button. */
    countButton: due,
    /** Reads the dispositions and the count (at start). */
    async start() {
      await Promise.all([loadDispositions(), refreshCount()]);
    },
    offer,
    edit,
    openOldest,
    refreshCount,
    /** Esc from outside the card: Later, when the card is open; false otherwise. */
    escape() {
      if (!current) return false;
      laterNow();
      return true;
    },
    get visible() {
      return current !== null;
    },
  };
}
