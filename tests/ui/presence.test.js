// Presence in the status strip: the mapping from RingCentral's fields to the four choices, the
// picker (keyboard and mouse) that sets it, and `presence` events from other devices.

import { test } from 'node:test';
import assert from 'node:assert/strict';

import { findAll } from './fake-dom.js';
import { flush, started } from './harness.js';
import { LINE, fakeBackend } from './fake-backend.js';
import { PRESENCE_CHOICES, presenceChoice, presenceWords, withPresence } from '../../ui/js/lib/presence.js';

const byClass = (root, name) => findAll(root, (el) => el.className.split(' ').includes(name));
const doc = () => globalThis.document;

test('presence mapping: Do not disturb first, then Busy and Offline, else Available', () => {
  assert.equal(presenceChoice({ userStatus: 'Available', dndStatus: 'DoNotAcceptAnyCalls' }), 'dnd');
  assert.equal(presenceChoice({ userStatus: 'Busy', dndStatus: 'DoNotAcceptAnyCalls' }), 'dnd', 'DND wins over Busy');
  assert.equal(presenceChoice({ userStatus: 'Busy', dndStatus: 'TakeAllCalls' }), 'busy');
  assert.equal(presenceChoice({ userStatus: 'Offline', dndStatus: 'TakeAllCalls' }), 'offline');
  assert.equal(presenceChoice({ userStatus: 'Available', dndStatus: 'TakeDepartmentCallsOnly' }), 'available', 'only DoNotAcceptAnyCalls is DND');
  assert.equal(presenceChoice({}), 'available');
  assert.equal(presenceChoice(null), 'available');
  assert.deepEqual(PRESENCE_CHOICES.map((c) => c.choice), ['available', 'busy', 'dnd', 'offline']);
  assert.equal(presenceWords('available'), 'Available');
  assert.equal(presenceWords('busy'), 'Busy');
  assert.equal(presenceWords('dnd'), 'Do not disturb');
  assert.equal(presenceWords('offline'), 'Offline (invisible to colleagues)');
  const line = withPresence(LINE, { userStatus: 'Busy', dndStatus: 'TakeAllCalls', telephonyStatus: 'CallConnected' });
  assert.deepEqual([line.choice, line.words, line.telephonyStatus], ['busy', 'Busy', 'CallConnected']);
  assert.equal(line.callControl, true, 'a presence change keeps the rest of the line');
  assert.deepEqual(withPresence(null, { dndStatus: 'DoNotAcceptAnyCalls' }).choice, 'dnd', 'presence before the line was read');
});

test('signed in, the strip shows presence read with `line`; signed out, none', async () => {
  const { root, backend } = await started();
  await flush();
  assert.equal(backend.log.filter(([n]) => n === 'line').length, 1, 'read once after sign-in');
  const button = byClass(root, 'presence-button')[0];
  assert.equal(byClass(root, 'presence')[0].hidden, false);
  assert.equal(button.textContent, 'Available');
  assert.equal(button.getAttribute('aria-label'), 'Presence: Available');

  const out = fakeBackend({ session: async () => ({ state: 'signed_out', mode: 'live', user: null, canSignIn: true }) });
  const signedOut = await started(out);
  await flush();
  assert.equal(out.log.filter(([n]) => n === 'line').length, 0, 'no presence to read signed out');
  assert.equal(byClass(signedOut.root, 'presence')[0].hidden, true);
});

test('the picker opens with the current choice, arrows + Enter set presence, Esc closes', async () => {
  const { root, backend } = await started();
  await flush();
  const button = byClass(root, 'presence-button')[0];
  const list = byClass(root, 'presence-list')[0];
  assert.equal(list.hidden, true);
  button.click();
  assert.equal(list.hidden, false, 'a click opens the picker');
  assert.equal(button.getAttribute('aria-expanded'), 'true');
  assert.equal(doc().activeElement, list, 'focus moves into the picker');
  assert.equal(list.getAttribute('aria-activedescendant'), 'presence-available', 'the current choice is highlighted');
  const options = findAll(list, (el) => el.getAttribute('role') === 'option');
  assert.deepEqual(options.map((o) => o.textContent), ['Available', 'Busy', 'Do not disturb', 'Offline (invisible to colleagues)']);

  const field = byClass(root, 'number-input')[0];
  field.value = '123';
  list.dispatchEvent({ type: 'keydown', key: 'Escape' });
  assert.equal(list.hidden, true, 'Esc closes');
  assert.equal(doc().activeElement, button, 'focus returns to the button');
  assert.equal(field.value, '123', 'Esc in the picker is not also the dial view\'s Esc');

  button.dispatchEvent({ type: 'keydown', key: 'ArrowDown' });
  assert.equal(list.hidden, false, 'ArrowDown on the button opens it too');
  list.dispatchEvent({ type: 'keydown', key: 'ArrowDown' });
  list.dispatchEvent({ type: 'keydown', key: 'ArrowDown' });
  assert.equal(list.getAttribute('aria-activedescendant'), 'presence-dnd');
  list.dispatchEvent({ type: 'keydown', key: 'Enter' });
  await flush();
  assert.deepEqual(backend.log.filter(([n]) => n === 'setPresence'), [['setPresence', 'dnd']]);
  assert.equal(list.hidden, true);
  assert.equal(button.textContent, 'Do not disturb', 'the strip shows what the backend set');
  assert.equal(byClass(root, 'presence-dot')[0].dataset.presence, 'dnd');

  button.click();
  findAll(list, (el) => el.dataset.presence === 'busy' && el.getAttribute('role') === 'option')[0].click();
  await flush();
  assert.deepEqual(backend.log.filter(([n]) => n === 'setPresence').at(-1), ['setPresence', 'busy'], 'a click picks too');
  assert.equal(button.textContent, 'Busy');
});

test('a failing set_presence is a toast and the strip keeps what is true', async () => {
  const backend = fakeBackend();
  backend.setPresence = async () => Promise.reject({ code: 'network', message: 'RingCentral could not be reached.', hint: 'Check the connection.' });
  const { root } = await started(backend);
  await flush();
  const button = byClass(root, 'presence-button')[0];
  button.click();
  const list = byClass(root, 'presence-list')[0];
  list.dispatchEvent({ type: 'keydown', key: 'ArrowDown' });
  list.dispatchEvent({ type: 'keydown', key: 'Enter' });
  await flush();
  assert.ok(findAll(root, (el) => el.getAttribute('role') === 'alert' && el.textContent.includes('could not be reached')).length);
  assert.equal(button.textContent, 'Available');
  assert.equal(button.disabled, false);
});

test('a `presence` event (here or another device) updates the strip', async () => {
  const { root, backend, app } = await started();
  await flush();
  backend.emit('presence', { userStatus: 'Available', dndStatus: 'DoNotAcceptAnyCalls', telephonyStatus: 'NoCall' });
  const button = byClass(root, 'presence-button')[0];
  assert.equal(button.textContent, 'Do not disturb');
  backend.emit('presence', { userStatus: 'Offline', dndStatus: 'TakeAllCalls', telephonyStatus: 'NoCall' });
  assert.equal(button.textContent, 'Offline (invisible to colleagues)');
  assert.equal(app.store.get().line.callControl, true, 'the rest of the line stays');
});

test('a presence event during the first read is not overwritten by the older read', async () => {
  let answer;
  const backend = fakeBackend({ line: () => new Promise((resolve) => (answer = resolve)) });
  const { root } = await started(backend);
  backend.emit('presence', { userStatus: 'Busy', dndStatus: 'TakeAllCalls', telephonyStatus: 'NoCall' });
  answer(structuredClone(LINE));
  await flush();
  assert.equal(byClass(root, 'presence-button')[0].textContent, 'Busy');
});
