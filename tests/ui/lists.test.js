// Call lists in the window: numbers pasted make a list (lines without one named, hostile names
// kept as text), Start dials the first entry, the call's wrap-up saved with the keyboard starts
// the countdown that dials the next by itself — any key stops it, Pause keeps it from starting —
// entries move and are skipped, and History and a contact bring numbers to a list; History rows
// open a wrap-up for any call; Settings shows the countdown and the shortcut's state.

import { test, mock } from 'node:test';
import assert from 'node:assert/strict';

import { byLabel, findAll } from './fake-dom.js';
import { flush, started } from './harness.js';
import { fakeBackend, wrapUpView } from './fake-backend.js';
import { countdownWords, entryStateWords, hasWaiting, listProgress } from '../../ui/js/lib/lists.js';

const byId = (root, id) => findAll(root, (el) => el.id === id)[0];
const calls = (backend, name) => backend.log.filter(([n]) => n === name).map(([, ...args]) => args);
const active = () => globalThis.document.activeElement;
const press = (key, mods = {}, target = active()) => target.dispatchEvent({ type: 'keydown', key, ...mods });
const entries = (root) => findAll(byId(root, 'list-entries'), (el) => el.className === 'list-entry');
const toasts = (root) => findAll(root, (el) => el.className === 'toast').map((el) => el.textContent);
const hostile = '<img src=x onerror=alert(1)>';
/** Lets `seconds` of the countdown pass, a second at a time (each second is its own timer). */
const seconds = (n) => {
  for (let i = 0; i < n; i += 1) mock.timers.tick(1000);
};

/** The app on Lists with a pasted list of three. */
async function withList(backend = fakeBackend()) {
  const window = await started(backend);
  window.app.show('lists');
  await flush();
  byId(window.root, 'list-new').click();
  byId(window.root, 'list-name').value = 'Renewals';
  byId(window.root, 'list-paste').value = `${hostile}, (650) 555-0141, promised a quote\nnothing here\n+1 650 555 0142\n650 555 0143 Bo`;
  byId(window.root, 'list-add').click();
  await flush();
  return window;
}

/** The list's call ended and its card was saved with the keyboard only. */
async function wrapUpWithKeys(root, backend, callKey) {
  backend.callEnded({ callKey, party: 'Lead' });
  await flush();
  press('1');
  press('Enter', { ctrlKey: true });
  await flush();
  await flush();
}

test('pasted numbers make a list; a line without a number is named; names stay text', async () => {
  const { root, backend } = await withList();
  assert.deepEqual(calls(backend, 'pasteCallList')[0][0], 'Renewals');
  const rows = entries(root);
  assert.equal(rows.length, 3);
  assert.equal(findAll(rows[0], (el) => el.className === 'list-entry-name')[0].textContent, hostile, 'as text');
  assert.equal(findAll(rows[0], (el) => el.tagName === 'IMG').length, 0);
  assert.match(rows[0].textContent, /promised a quote/);
  assert.match(byId(root, 'list-title').textContent, /Renewals/);
  assert.match(root.textContent, /Line 2: no phone number/);
  assert.match(root.textContent, /0 of 3 done/);
  assert.equal(findAll(byId(root, 'list-next'), (el) => el.className === 'list-next-words')[0].textContent, 'Start');
});

test('Start dials, the saved wrap-up starts the countdown, and the next entry is dialed once', async () => {
  const { root, backend } = await withList();
  byId(root, 'list-next').click();
  await flush();
  assert.deepEqual(calls(backend, 'nextInList'), [['Renewals']]);
  const first = [...backend.listsKept.values()][0].entries[0];
  assert.equal(first.state, 'called');
  await wrapUpWithKeys(root, backend, first.callKey);
  assert.equal(first.state, 'done', 'the wrap-up settled it');
  const counter = byId(root, 'list-countdown');
  assert.equal(counter.hidden, false, 'the countdown shows');
  assert.equal(counter.textContent, countdownWords(5));
  seconds(4);
  assert.equal(calls(backend, 'nextInList').length, 1, 'not before its time');
  assert.equal(counter.textContent, countdownWords(1));
  seconds(1);
  await flush();
  assert.equal(calls(backend, 'nextInList').length, 2, 'the next dialed by itself, once');
  assert.equal(counter.hidden, true);
  seconds(10);
  await flush();
  assert.equal(calls(backend, 'nextInList').length, 2, 'never twice');
});

test('any key stops the countdown, and Pause keeps it from starting', async () => {
  const { root, backend } = await withList();
  byId(root, 'list-next').click();
  await flush();
  const list = [...backend.listsKept.values()][0];
  await wrapUpWithKeys(root, backend, list.entries[0].callKey);
  assert.equal(byId(root, 'list-countdown').hidden, false);
  const key = { type: 'keydown', key: 'x' };
  globalThis.document.body.dispatchEvent(key);
  assert.equal(key.defaultPrevented, true, 'the key does nothing else');
  assert.equal(byId(root, 'list-countdown').hidden, true);
  assert.ok(toasts(root).some((t) => t.startsWith('Stopped')));
  seconds(10);
  await flush();
  assert.equal(calls(backend, 'nextInList').length, 1, 'stopped: nothing dialed');

  byId(root, 'list-pause').click();
  assert.equal(byId(root, 'list-pause').getAttribute('aria-pressed'), 'true');
  byId(root, 'list-next').click();
  await flush();
  await wrapUpWithKeys(root, backend, list.entries[1].callKey);
  assert.equal(byId(root, 'list-countdown').hidden, true, 'paused: no countdown');
  seconds(10);
  await flush();
  assert.equal(calls(backend, 'nextInList').length, 2, 'only the Next pressed');
});

test('a countdown of 0 waits for Next; a refusal from the core is a toast', async () => {
  const backend = fakeBackend();
  const { root } = await withList(backend);
  await backend.saveSettings({ listCountdownSecs: 0 });
  byId(root, 'list-next').click();
  await flush();
  byId(root, 'list-next').click();
  await flush();
  assert.ok(toasts(root).some((t) => t.startsWith('wrap up the call to')), 'Next before the wrap-up is refused with words');
  const list = [...backend.listsKept.values()][0];
  await wrapUpWithKeys(root, backend, list.entries[0].callKey);
  assert.equal(byId(root, 'list-countdown').hidden, true);
});

test('entries move and are skipped; the list is deleted', async () => {
  const { root, backend } = await withList();
  byLabel(root, 'Move +16505550142 up').click();
  await flush();
  assert.deepEqual(calls(backend, 'moveListEntry'), [['Renewals', 2, 1]]);
  assert.equal(findAll(entries(root)[0], (el) => el.className === 'list-entry-name')[0].textContent, '+16505550142');
  byLabel(root, 'Skip 6505550143').click();
  await flush();
  assert.deepEqual(calls(backend, 'skipListEntry'), [['Renewals', 3]]);
  assert.equal(entries(root)[2].dataset.state, 'skipped');
  byId(root, 'list-delete').click();
  await flush();
  assert.deepEqual(calls(backend, 'deleteCallList'), [['Renewals']]);
  assert.equal(backend.listsKept.size, 0);
});

test('History and a contact bring numbers to a list; a History row opens any call\'s wrap-up', async () => {
  const backend = fakeBackend({
    calls: () => Promise.resolve({ rows: [{ id: 'c1', startTime: new Date().toISOString(), direction: 'Inbound', result: 'Accepted', missed: false, action: 'Phone Call', name: 'Cy Park', display: '(650) 555-0144', dial: '+16505550144', duration: 60, disposition: null, notes: null }], next: null }),
  });
  const { root, app } = await started(backend);
  app.show('history');
  await flush();
  await flush();
  byLabel(root, 'Add Cy Park to a call list').click();
  await flush();
  assert.equal(app.store.get().view, 'lists');
  assert.match(root.textContent, /Cy Park \(\+16505550144\)/);
  byId(root, 'list-name').value = 'Callbacks';
  byId(root, 'list-add').click();
  await flush();
  assert.deepEqual(calls(backend, 'addToCallList'), [['Callbacks', [{ number: '+16505550144', name: 'Cy Park', note: '' }]]]);
  assert.equal(entries(root).length, 1);

  app.show('history');
  await flush();
  byLabel(root, 'Wrap up the call with Cy Park').click();
  await flush();
  assert.deepEqual(calls(backend, 'wrapupForCall'), [['c1']]);
  assert.equal(byId(root, 'wrapup-title').textContent, `Wrap up: ${wrapUpView().party}`);
});

test('a History row opens a saved wrap-up to change it; with another card open it says to finish that', async () => {
  const rows = [
    { id: 'c1', startTime: new Date().toISOString(), direction: 'Outbound', result: 'Call connected', missed: false, action: 'RingOut', name: 'Cy Park', display: '(650) 555-0144', dial: '+16505550144', duration: 60, disposition: 'Sale', notes: 'Signed' },
    { id: 'c2', startTime: new Date().toISOString(), direction: 'Inbound', result: 'Accepted', missed: false, action: 'Phone Call', name: 'Dee Roy', display: '(650) 555-0145', dial: '+16505550145', duration: 30, disposition: null, notes: null },
  ];
  const backend = fakeBackend({ calls: () => Promise.resolve({ rows, next: null }) });
  backend.wrapups.set('c1', wrapUpView({ callKey: 'c1', party: 'Cy Park', saved: true, disposition: 'Sale', notes: 'Signed' }));
  const { root, app } = await started(backend);
  app.show('history');
  await flush();
  await flush();
  byLabel(root, 'Wrap up the call with Cy Park').click();
  await flush();
  const card = findAll(root, (el) => el.className === 'wrapup')[0];
  assert.equal(card.hidden, false, 'a saved wrap-up opens to be changed');
  assert.equal(byId(root, 'wrapup-notes').value, 'Signed');
  byLabel(root, 'Wrap up the call with Dee Roy').click();
  await flush();
  assert.equal(byId(root, 'wrapup-title').textContent, 'Wrap up: Cy Park', 'the open card stays');
  assert.ok(toasts(root).some((t) => t.startsWith('Finish the wrap-up of Cy Park first')));
});

test('Settings shows the countdown and whether the shortcut is in force', async () => {
  const backend = fakeBackend({ dialShortcutStatus: () => Promise.resolve({ shortcut: 'Ctrl+Alt+D', active: false, problem: 'This desktop (Wayland) does not let apps take global shortcuts.' }) });
  const { root, app } = await started(backend);
  app.show('settings');
  await flush();
  await flush();
  assert.equal(byId(root, 'setting-listCountdownSecs').value, 5);
  assert.equal(byId(root, 'setting-dialShortcut').value, 'Ctrl+Alt+D');
  const state = byId(root, 'shortcut-state');
  assert.match(state.textContent, /Wayland/);
  assert.equal(state.dataset.problem, 'true');
});

test('list words: progress, states, what Next can dial', () => {
  assert.equal(listProgress({ finished: 1, entries: [{}, {}, {}] }), '1 of 3 done');
  assert.equal(listProgress({ finished: 2, entries: [{}, {}] }), 'All 2 done');
  assert.equal(listProgress({ finished: 0, entries: [] }), 'No numbers yet');
  assert.equal(entryStateWords({ state: 'called' }), 'Called — wrap up');
  assert.match(entryStateWords({ state: 'call_back', returnAt: '2026-12-05T15:00:00Z' }), /^Call back /);
  const past = new Date(Date.now() - 60_000).toISOString();
  const later = new Date(Date.now() + 3_600_000).toISOString();
  assert.equal(hasWaiting({ entries: [{ state: 'done' }, { state: 'call_back', returnAt: later }] }), false);
  assert.equal(hasWaiting({ entries: [{ state: 'call_back', returnAt: past }] }), true);
  assert.equal(hasWaiting({ entries: [{ state: 'waiting' }] }), true);
});

test('a card that opens during the countdown, or leaving Lists, stops it', async () => {
  const { root, backend, app } = await withList();
  const list = [...backend.listsKept.values()][0];
  byId(root, 'list-next').click();
  await flush();
  await wrapUpWithKeys(root, backend, list.entries[0].callKey);
  assert.equal(byId(root, 'list-countdown').hidden, false);
  // A customer's call ended meanwhile: its card opens.
  backend.callEnded({ callKey: 'live:s9', party: 'Dee Roy', direction: 'Inbound' });
  await flush();
  seconds(10);
  await flush();
  assert.equal(byId(root, 'list-countdown').hidden, true);
  assert.equal(calls(backend, 'nextInList').length, 1, 'nothing dialed under the open card');

  press('Escape');
  await flush();
  byId(root, 'list-next').click();
  await flush();
  await wrapUpWithKeys(root, backend, list.entries[1].callKey);
  assert.equal(byId(root, 'list-countdown').hidden, false);
  app.show('history');
  seconds(10);
  await flush();
  assert.equal(calls(backend, 'nextInList').length, 2, 'nothing dialed out of sight');
});
