// Settings → Do not call: the list as the core keeps it (numbers as it shows them, notes as
// text), Add with the number and note typed, "Remove <number>" with the number shown, refusals
// as toasts that keep what was typed.

import { test } from 'node:test';
import assert from 'node:assert/strict';

import { byLabel, findAll } from './fake-dom.js';
import { flush, started } from './harness.js';
import { fakeBackend } from './fake-backend.js';

const byId = (root, id) => findAll(root, (el) => el.id === id)[0];
const calls = (backend, name) => backend.log.filter(([n]) => n === name).map(([, ...args]) => args);
const rows = (root) => findAll(root, (el) => el.className === 'dnc-row');
const hostile = '<img src=x onerror=alert(1)>';

async function settingsShown(backend = fakeBackend()) {
  const window = await started(backend);
  window.app.show('settings');
  await flush();
  return window;
}

function add(root, number, note) {
  byId(root, 'dnc-number').value = number;
  byId(root, 'dnc-note').value = note;
  // The Add button submits the form (Enter in a field too).
  findAll(root, (el) => el.tagName === 'FORM' && el.className === 'dnc-form')[0].dispatchEvent({ type: 'submit' });
}

test('the do-not-call section lists the numbers, adds one and removes one', async () => {
  const backend = fakeBackend();
  await backend.addDoNotCall('+44 20 7946 0958', 'Complained');
  const { root } = await settingsShown(backend);
  assert.ok(findAll(root, (el) => el.tagName === 'H2' && el.textContent === 'Do not call').length);
  assert.ok(byLabel(root, 'Number') === byId(root, 'dnc-number') && byLabel(root, 'Note') === byId(root, 'dnc-note'), 'the fields are labelled');
  assert.equal(byId(root, 'dnc-add').textContent, 'Add');
  assert.deepEqual(rows(root).map((r) => r.textContent), ['+442079460958ComplainedRemove']);

  add(root, '(650) 555-0123', ` Asked twice ${hostile} `);
  await flush();
  assert.deepEqual(calls(backend, 'addDoNotCall').slice(1), [['(650) 555-0123', `Asked twice ${hostile}`]], 'one add, as typed (trimmed)');
  assert.equal(rows(root).length, 2, 'the list read again');
  assert.equal(findAll(rows(root)[1], (el) => el.className === 'dnc-number')[0].textContent, '+1 650-555-0123', 'as the core shows it');
  assert.equal(findAll(rows(root)[1], (el) => el.className === 'dnc-note muted')[0].textContent, `Asked twice ${hostile}`);
  assert.equal(findAll(root, (el) => el.tagName === 'IMG').length, 0, 'a note is text');
  assert.equal(byId(root, 'dnc-number').value, '', 'the form is emptied');
  assert.equal(globalThis.document.activeElement, byId(root, 'dnc-number'), 'ready for the next number');

  byLabel(root, 'Remove +1 650-555-0123').click();
  await flush();
  assert.deepEqual(calls(backend, 'removeDoNotCall'), [['+1 650-555-0123']]);
  assert.equal(rows(root).length, 1);
  assert.equal(backend.doNotCall.length, 1);
  assert.ok(findAll(root, (el) => el.className === 'toast' && el.textContent === '+1 650-555-0123 can be called again').length);
});

test('a number the core cannot read is a toast; what was typed stays', async () => {
  const backend = fakeBackend();
  const { root } = await settingsShown(backend);
  assert.equal(findAll(root, (el) => el.className === 'muted dnc-empty')[0].hidden, false, 'an empty list says so');
  add(root, 'call me maybe', 'x');
  await flush();
  assert.ok(findAll(root, (el) => el.getAttribute('role') === 'alert' && el.textContent.includes('is text, not part of a phone number')).length);
  assert.equal(byId(root, 'dnc-number').value, 'call me maybe');
  assert.equal(rows(root).length, 0);
  add(root, '  ', '');
  await flush();
  assert.equal(calls(backend, 'addDoNotCall').length, 1, 'nothing typed: nothing asked');
  assert.equal(globalThis.document.activeElement, byId(root, 'dnc-number'));
});

test('a refused removal is a toast and the button can be pressed again', async () => {
  const backend = fakeBackend();
  await backend.addDoNotCall('+14155550100', '');
  backend.removeDoNotCall = async () => Promise.reject({ code: 'internal', message: 'The cache could not be written', hint: 'Try again.' });
  const { root } = await settingsShown(backend);
  const remove = byLabel(root, 'Remove +1 415-555-0100');
  remove.click();
  await flush();
  assert.ok(findAll(root, (el) => el.getAttribute('role') === 'alert' && el.textContent.includes('The cache could not be written')).length);
  assert.equal(remove.disabled, false);
  assert.equal(rows(root).length, 1);
});

test("a contact's number is put on the do-not-call list from their page", async () => {
  const backend = fakeBackend({
    contact: async () => ({ id: 7, name: 'Ana Silva', company: 'Acme', email: '', source: 'personal', person_id: null, numbers: [{ label: 'mobile', display: '(650) 555-0199', dial: '+16505550199', optedOut: null }], timeline: [] }),
  });
  const { root } = await started(backend);
  backend.emit('navigate', { view: 'contacts', contact: 7 });
  await flush();
  byLabel(root, 'Never call (650) 555-0199').click();
  await flush();
  assert.deepEqual(backend.log.find(([n]) => n === 'addDoNotCall'), ['addDoNotCall', '+16505550199', "Ana Silva's contact page"]);
  assert.deepEqual(backend.doNotCall.map((e) => e.e164), ['+16505550199']);
  assert.ok(findAll(root, (el) => el.className === 'toast').some((t) => t.textContent.startsWith('+1 650-555-0199 will not be called')));
});
