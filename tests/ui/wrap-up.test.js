// The wrap-up card and the "to wrap up" count: offered when a call ringdesk placed ends (focus on
// the first disposition), digits pick, typing autosaves once it pauses, Ctrl+Enter saves once
// (never an autosave after), Esc keeps a draft and closes, calls that end meanwhile wait their
// turn, the count opens the oldest draft, hostile words stay text; History's follow-ups.

import { test, mock } from 'node:test';
import assert from 'node:assert/strict';

import { byLabel, findAll } from './fake-dom.js';
import { flush, started } from './harness.js';
import { DISPOSITIONS, fakeBackend, wrapUpView } from './fake-backend.js';

const card = (root) => findAll(root, (el) => el.className === 'wrapup')[0];
const byId = (root, id) => findAll(root, (el) => el.id === id)[0];
const radios = (root) => findAll(card(root), (el) => el.getAttribute('role') === 'radio');
const calls = (backend, name) => backend.log.filter(([n]) => n === name).map(([, ...args]) => args);
const active = () => globalThis.document.activeElement;
const press = (key, mods = {}, target = active()) => target.dispatchEvent({ type: 'keydown', key, ...mods });
const type = (field, value) => {
  field.value = value;
  field.dispatchEvent({ type: 'input' });
};
const toasts = (root) => findAll(root, (el) => el.className === 'toast').map((el) => el.textContent);
const hostile = '<img src=x onerror=alert(1)>';

/** The app started, then a call to Ana Silva ended (its `wrap-up` event). */
async function ended(backend = fakeBackend(), fields = {}) {
  const window = await started(backend);
  await flush();
  const view = backend.callEnded(fields);
  await flush();
  return { ...window, view };
}

test('a call that ended offers its card, focus on the first disposition; the count shows it', async () => {
  const { root, backend, view } = await ended();
  const el = card(root);
  assert.equal(el.hidden, false);
  assert.equal(byId(root, 'wrapup-title').textContent, 'Wrap up: Ana Silva');
  // The fake call started five minutes ago: yesterday, just after midnight.
  const day = new Date(view.started).toDateString() === new Date().toDateString() ? 'Today' : 'Yesterday';
  assert.match(el.textContent, new RegExp(`Outgoing call · ${day} `));
  assert.equal(findAll(el, (e) => e.getAttribute('role') === 'radiogroup').length, 1);
  assert.deepEqual(radios(root).map((r) => r.textContent), DISPOSITIONS.map((d, i) => `${i + 1} ${d}`));
  assert.ok(radios(root).every((r) => r.getAttribute('aria-checked') === 'false'), 'nothing picked yet');
  assert.equal(active(), radios(root)[0], 'focus on "1 Connected"');
  assert.equal(radios(root)[0].getAttribute('tabindex'), '0', 'one tab stop in the group');
  assert.equal(byId(root, 'wrapup-notes').tagName, 'TEXTAREA');
  assert.equal(byId(root, 'wrapup-follow-up').getAttribute('type'), 'datetime-local');
  for (const name of ['Notes', 'Tags (comma separated)', 'Follow up on', 'Follow-up note']) assert.ok(byLabel(root, name), `"${name}" is labelled`);
  const due = byId(root, 'wrapups-due');
  assert.equal(due.hidden, false);
  assert.equal(due.getAttribute('aria-label'), '1 call to wrap up');
  assert.ok(calls(backend, 'wrapupsToDo').length >= 2, 'the count is read at start and after the event');
});

test('nothing to wrap up: no card, no count', async () => {
  const { root } = await started();
  await flush();
  assert.equal(card(root).hidden, true);
  assert.equal(byId(root, 'wrapups-due').hidden, true);
});

test('digit 2 picks the second disposition; digits typed in a field stay text', async () => {
  const { root } = await ended();
  press('2');
  assert.equal(radios(root)[1].getAttribute('aria-checked'), 'true', '"2 Left voicemail" picked');
  assert.equal(radios(root)[0].getAttribute('aria-checked'), 'false');
  assert.equal(active(), radios(root)[1], 'focus follows the pick inside the group');
  press('ArrowRight');
  assert.equal(radios(root)[2].getAttribute('aria-checked'), 'true', 'arrows move and pick');
  const notes = byId(root, 'wrapup-notes');
  notes.focus();
  const event = { type: 'keydown', key: '4' };
  notes.dispatchEvent(event);
  assert.equal(event.defaultPrevented, false, 'a digit in the notes is text');
  assert.equal(radios(root)[2].getAttribute('aria-checked'), 'true', 'and picks nothing');
  press('9', {}, radios(root)[0]);
  assert.equal(radios(root)[2].getAttribute('aria-checked'), 'true', 'no ninth disposition: nothing');
});

test('typing autosaves once it pauses (~400 ms), with what the card holds', async () => {
  const { root, backend, view } = await ended();
  press('1');
  const notes = byId(root, 'wrapup-notes');
  type(notes, 'Asked for');
  mock.timers.tick(200);
  type(notes, `Asked for a quote\nCall back Friday ${hostile}`);
  mock.timers.tick(399);
  await flush();
  assert.equal(calls(backend, 'autosaveWrapup').length, 0, 'not while typing');
  mock.timers.tick(1);
  await flush();
  type(byId(root, 'wrapup-tags'), 'vip, renewal, VIP');
  type(byId(root, 'wrapup-follow-up'), '2026-12-05T15:00');
  type(byId(root, 'wrapup-follow-up-note'), ' Send the quote ');
  mock.timers.tick(400);
  await flush();
  assert.deepEqual(calls(backend, 'autosaveWrapup'), [
    [{ callKey: view.callKey, disposition: 'Connected', notes: `Asked for a quote\nCall back Friday ${hostile}`, tags: [], followUpAt: null, followUpNote: '' }],
    [{ callKey: view.callKey, disposition: 'Connected', notes: `Asked for a quote\nCall back Friday ${hostile}`, tags: ['vip', 'renewal'], followUpAt: '2026-12-05T15:00', followUpNote: 'Send the quote' }],
  ]);
  assert.equal(backend.wrapups.get(view.callKey).saved, false, 'a draft');
  assert.equal(card(root).hidden, false, 'the card stays');
});

test('Ctrl+Enter saves once with what the card holds; no autosave after; focus back in the view', async () => {
  const { root, backend, app, view } = await ended();
  press('3');
  const notes = byId(root, 'wrapup-notes');
  notes.focus();
  type(notes, 'No answer, try again');
  type(byId(root, 'wrapup-tags'), 'retry');
  press('Enter', { ctrlKey: true });
  press('Enter', { ctrlKey: true });
  await flush();
  assert.deepEqual(calls(backend, 'saveWrapup'), [[{ callKey: view.callKey, disposition: 'No answer', notes: 'No answer, try again', tags: ['retry'], followUpAt: null, followUpNote: '' }]], 'saved once');
  mock.timers.tick(2000);
  await flush();
  assert.equal(calls(backend, 'autosaveWrapup').length, 0, 'the pending autosave never runs after the save');
  assert.equal(card(root).hidden, true, 'the card closes');
  assert.equal(backend.wrapups.get(view.callKey).saved, true);
  assert.ok(toasts(root).includes('Wrap-up saved: Ana Silva'));
  assert.equal(byId(root, 'wrapups-due').hidden, true, 'nothing left to wrap up');
  assert.equal(app.store.get().wrapupsDue, 0);
  assert.equal(active(), byLabel(root, 'Phone number'), 'focus back in the view shown');
  type(notes, 'late');
  mock.timers.tick(1000);
  await flush();
  assert.equal(calls(backend, 'autosaveWrapup').length, 0, 'a closed card autosaves nothing');
});

test('Save (the button) needs a disposition; a refused save keeps the card', async () => {
  const backend = fakeBackend();
  const { root } = await ended(backend);
  byId(root, 'wrapup-notes').focus();
  byId(root, 'wrapup-save').click();
  await flush();
  assert.equal(calls(backend, 'saveWrapup').length, 0, 'nothing to save without a disposition');
  assert.ok(findAll(root, (el) => el.getAttribute('role') === 'alert' && el.textContent.startsWith('Pick a disposition')).length);
  assert.equal(active(), radios(root)[0], 'focus goes to the dispositions');
  press('1');
  backend.saveWrapup = async () => Promise.reject({ code: 'internal', message: 'The cache could not be written', hint: 'Try again.' });
  byId(root, 'wrapup-save').click();
  await flush();
  assert.equal(card(root).hidden, false, 'the card stays');
  assert.ok(findAll(root, (el) => el.getAttribute('role') === 'alert' && el.textContent.includes('The cache could not be written')).length);
  assert.equal(byId(root, 'wrapup-save').disabled, false, 'it can be tried again');
});

test('Esc keeps a draft at once and closes the card; the count stays and reopens it', async () => {
  const { root, backend, view } = await ended();
  press('2');
  const notes = byId(root, 'wrapup-notes');
  notes.focus();
  type(notes, 'Voicemail left');
  press('Escape');
  await flush();
  assert.deepEqual(calls(backend, 'autosaveWrapup'), [[{ callKey: view.callKey, disposition: 'Left voicemail', notes: 'Voicemail left', tags: [], followUpAt: null, followUpNote: '' }]], 'autosaved at once');
  assert.equal(card(root).hidden, true);
  assert.equal(active(), byLabel(root, 'Phone number'), 'focus back in the view');
  assert.equal(byLabel(root, '1 call to wrap up')?.id, 'wrapups-due', 'the count stays');
  mock.timers.tick(1000);
  await flush();
  assert.equal(calls(backend, 'autosaveWrapup').length, 1, 'once');
  assert.equal(calls(backend, 'saveWrapup').length, 0);

  byId(root, 'wrapups-due').click();
  await flush();
  assert.equal(card(root).hidden, false, 'the count opens the draft');
  assert.equal(byId(root, 'wrapup-notes').value, 'Voicemail left', 'as it was left');
  assert.equal(radios(root)[1].getAttribute('aria-checked'), 'true');
  assert.equal(active(), radios(root)[1], 'focus on the disposition picked');
  byId(root, 'wrapup-later').click();
  await flush();
  assert.equal(card(root).hidden, true, 'Later is Esc');
});

test('calls that end while the card is open wait their turn; the count opens the oldest', async () => {
  const minutes = (n) => new Date(Date.now() - n * 60_000).toISOString();
  const { root, backend } = await ended(fakeBackend(), { callKey: 'ringout:1', party: 'Ana Silva', started: minutes(10) });
  backend.callEnded({ callKey: 'ringout:2', party: 'Ben Ode', number: '+14155550199', started: minutes(5) });
  await flush();
  assert.equal(byId(root, 'wrapup-title').textContent, 'Wrap up: Ana Silva', 'the open card stays');
  assert.equal(byId(root, 'wrapups-due').getAttribute('aria-label'), '2 calls to wrap up');
  press('1');
  press('Enter', { ctrlKey: true });
  await flush();
  assert.equal(card(root).hidden, false, 'the next call is offered');
  assert.equal(byId(root, 'wrapup-title').textContent, 'Wrap up: Ben Ode');
  assert.equal(active(), radios(root)[0]);
  assert.ok(radios(root).every((r) => r.getAttribute('aria-checked') === 'false'), 'a fresh card');
  assert.equal(byId(root, 'wrapup-notes').value, '');
  press('Escape');
  await flush();
  assert.equal(card(root).hidden, true, 'nothing else waiting');

  // An older draft, left earlier: the count opens it first.
  backend.wrapups.set('ringout:0', wrapUpView({ callKey: 'ringout:0', party: 'Chloé Martin', started: minutes(60) }));
  backend.callEnded({ callKey: 'ringout:3', party: 'Anton Berg', started: minutes(1) });
  await flush();
  assert.equal(byId(root, 'wrapup-title').textContent, 'Wrap up: Anton Berg', 'a call that just ended is offered itself');
  press('Escape');
  await flush();
  assert.equal(card(root).hidden, true, 'Later does not go on to drafts left before');
  byId(root, 'wrapups-due').click();
  await flush();
  assert.equal(byId(root, 'wrapup-title').textContent, 'Wrap up: Chloé Martin', 'the oldest draft');
});

test('hostile party names and notes are shown as text', async () => {
  const backend = fakeBackend();
  backend.wrapups.set('ringout:9', wrapUpView({ callKey: 'ringout:9', party: hostile, notes: `</textarea>${hostile}`, tags: [hostile], followUpNote: hostile }));
  const { root } = await started(backend);
  await flush();
  byId(root, 'wrapups-due').click();
  await flush();
  assert.equal(byId(root, 'wrapup-title').textContent, `Wrap up: ${hostile}`);
  assert.equal(byId(root, 'wrapup-notes').value, `</textarea>${hostile}`);
  assert.equal(byId(root, 'wrapup-tags').value, hostile);
  assert.equal(findAll(root, (el) => el.tagName === 'IMG').length, 0, 'no element is ever made from text');
});

test('Esc from elsewhere in the window keeps the draft too', async () => {
  const { root, backend } = await ended();
  byLabel(root, 'Phone number').focus();
  type(byId(root, 'wrapup-notes'), 'typed');
  globalThis.document.dispatchEvent({ type: 'keydown', key: 'Escape' });
  await flush();
  assert.equal(card(root).hidden, true);
  assert.equal(calls(backend, 'autosaveWrapup').length, 1);
});

test('History shows the follow-ups grouped, each with Call; none, nothing', async () => {
  const backend = fakeBackend();
  const now = Date.now();
  const midnight = new Date();
  midnight.setHours(24, 0, 0, 0);
  const saved = (key, party, at, note) => backend.wrapups.set(key, wrapUpView({ callKey: key, party, number: `+1415555${key.slice(-4)}`, saved: true, disposition: 'Call back', followUpAt: new Date(at).toISOString(), followUpNote: note }));
  saved('ringout:1001', 'Ana Silva', now - 3_600_000, 'Send the quote');
  saved('ringout:1002', hostile, now + (midnight.getTime() - now) / 2, 'Confirm the order');
  saved('ringout:1003', 'Ben Ode', now + 3 * 86_400_000, '');
  const { root, app } = await started(backend);
  app.show('history');
  await flush();
  const section = findAll(root, (el) => el.className === 'follow-ups')[0];
  assert.equal(section.hidden, false);
  const groups = findAll(section, (el) => el.className === 'follow-up-group');
  assert.deepEqual(groups.map((g) => g.dataset.group), ['overdue', 'today', 'upcoming']);
  assert.deepEqual(groups.map((g) => findAll(g, (el) => el.tagName === 'H3')[0].textContent), ['Overdue', 'Today', 'Upcoming']);
  assert.match(groups[0].textContent, /Ana Silva.*Send the quote/);
  assert.equal(findAll(groups[1], (el) => el.className === 'follow-up-party')[0].textContent, hostile, 'a name is text');
  assert.equal(findAll(root, (el) => el.tagName === 'IMG').length, 0);
  const toggle = findAll(section, (el) => el.className === 'follow-ups-toggle')[0];
  assert.match(toggle.textContent, /Follow-ups 1 overdue · 1 today · 1 upcoming/);
  toggle.click();
  assert.equal(toggle.getAttribute('aria-expanded'), 'false');
  assert.equal(byId(root, 'follow-ups-groups').hidden, true, 'folded');
  toggle.click();
  byLabel(root, 'Call Ana Silva').click();
  await flush();
  assert.equal(app.store.get().view, 'dial');
  assert.equal(byLabel(root, 'Phone number').value, '+14155551001', 'the number in the dial view');
  assert.equal(backend.log.filter(([n]) => n === 'placeCall').length, 1, 'and called, as the Call buttons of History do');

  const none = await started(fakeBackend());
  none.app.show('history');
  await flush();
  assert.equal(findAll(none.root, (el) => el.className === 'follow-ups')[0].hidden, true, 'no follow-ups: nothing shown');
});

test('a wrap-up saved with a follow-up shows in History at once', async () => {
  const { root, backend, app } = await ended();
  app.show('history');
  await flush();
  const section = findAll(root, (el) => el.className === 'follow-ups')[0];
  assert.equal(section.hidden, true);
  byId(root, 'wrapup-save').focus();
  press('5');
  const later = new Date(Date.now() + 2 * 86_400_000);
  const pad = (n) => String(n).padStart(2, '0');
  type(byId(root, 'wrapup-follow-up'), `${later.getFullYear()}-${pad(later.getMonth() + 1)}-${pad(later.getDate())}T10:00`);
  type(byId(root, 'wrapup-follow-up-note'), 'Call back about the renewal');
  byId(root, 'wrapup-save').click();
  await flush();
  assert.equal(calls(backend, 'saveWrapup')[0][0].disposition, 'Call back', 'a digit on a button picks too');
  assert.equal(section.hidden, false, 'read again after the save');
  assert.match(section.textContent, /Upcoming.*Ana Silva.*Call back about the renewal/);
});

test('dispositions not read at start are read when a card opens', async () => {
  const backend = fakeBackend();
  const real = backend.dispositions;
  let first = true;
  backend.dispositions = (...args) => {
    if (first) {
      first = false;
      return Promise.reject({ code: 'internal', message: 'not yet', hint: '' });
    }
    return real(...args);
  };
  const { root } = await ended(backend);
  await flush();
  assert.equal(radios(root).length, DISPOSITIONS.length);
  assert.equal(active(), radios(root)[0], 'focus moves on to the first disposition');
});

test('a draft Later could not keep is a toast with Reopen, which brings back what was typed', async () => {
  const backend = fakeBackend();
  const { root } = await ended(backend);
  backend.autosaveWrapup = async () => Promise.reject({ code: 'internal', message: 'The cache could not be written', hint: 'Try again.' });
  press('4');
  type(byId(root, 'wrapup-notes'), 'Wrong person');
  byId(root, 'wrapup-later').click();
  await flush();
  assert.equal(card(root).hidden, true, 'Later closes at once');
  const alert = findAll(root, (el) => el.getAttribute('role') === 'alert' && el.textContent.includes('was not kept'))[0];
  assert.ok(alert);
  findAll(alert, (el) => el.tagName === 'BUTTON' && el.textContent === 'Reopen')[0].click();
  assert.equal(card(root).hidden, false);
  assert.equal(byId(root, 'wrapup-notes').value, 'Wrong person');
  assert.equal(radios(root)[3].getAttribute('aria-checked'), 'true');
});
