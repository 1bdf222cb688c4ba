import { test } from 'node:test';
import assert from 'node:assert/strict';

import { byLabel, findAll } from './fake-dom.js';
import { flush, started } from './harness.js';


test('a link "call at once" held back waits in the dial view with its reason', async () => {
  const { root, backend } = await started();
  backend.emit('link', { kind: 'held', number: '+442079460018', reason: 'An international number: press Call to dial it.' });
  await flush();
  assert.equal(byLabel(root, 'Phone number').value, '+442079460018', 'the number waits in the field');
  assert.equal(backend.log.filter(([n]) => n === 'placeCall').length, 0, 'nothing is dialed by itself');
  assert.ok(
    findAll(root, (el) => el.textContent.includes('international number')).length,
    'the reason is shown',
  );
});
