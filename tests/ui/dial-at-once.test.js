// Pasting a number and pressing Call (or Enter) at once places the call: the press never waits
// for the preview, and is never dropped silently.

import { test } from 'node:test';
import assert from 'node:assert/strict';

import { byLabel, findAll } from './fake-dom.js';
import { flush, started } from './harness.js';
import { fakeBackend } from './fake-backend.js';


/** A backend whose number preview has not answered yet (a slow or busy core). */
function slowPreview() {
  return fakeBackend({ parseNumber: () => new Promise(() => {}), suggest: () => new Promise(() => {}) });
}

function paste(root, text) {
  const field = byLabel(root, 'Phone number');
  field.value = text;
  field.dispatchEvent({ type: 'input' });
  return field;
}

test('Enter right after pasting calls the pasted number, preview or not', async () => {
  const backend = slowPreview();
  const { root } = await started(backend);
  const field = paste(root, '+1 650 555 0123');
  field.dispatchEvent({ type: 'keydown', key: 'Enter' });
  await flush();
  const calls = backend.log.filter(([name]) => name === 'placeCall');
  assert.deepEqual(calls, [['placeCall', '+1 650 555 0123']], 'the core normalises the number itself');
});

test('the Call button is ready as soon as there is text to call', async () => {
  const backend = slowPreview();
  const { root } = await started(backend);
  paste(root, '650 555 0123');
  const call = byLabel(root, 'Call');
  assert.equal(call.disabled, false, 'no waiting for the preview');
  call.click();
  await flush();
  assert.equal(backend.log.filter(([name]) => name === 'placeCall').length, 1);
});

test('a number the core refuses is answered with its reason', async () => {
  const backend = slowPreview();
  backend.placeCall = async () => Promise.reject({ code: 'validation', message: 'This is not a phone number.', hint: 'Check the digits.' });
  const { root } = await started(backend);
  const field = paste(root, '12');
  field.dispatchEvent({ type: 'keydown', key: 'Enter' });
  await flush();
  const alert = findAll(root, (el) => el.getAttribute('role') === 'alert')[0];
  assert.ok(alert, 'the refusal is shown, not swallowed');
  assert.match(alert.textContent, /not a phone number/);
});

test('Enter on an empty field says why nothing was called', async () => {
  const backend = slowPreview();
  const { root } = await started(backend);
  const field = paste(root, '');
  field.dispatchEvent({ type: 'keydown', key: 'Enter' });
  await flush();
  assert.equal(backend.log.filter(([name]) => name === 'placeCall').length, 0);
  const toast = findAll(root, (el) => el.className === 'toast')[0];
  assert.ok(toast, 'a visible reason, not silence');
  assert.match(toast.textContent, /number/i);
});
