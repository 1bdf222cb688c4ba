import { test, beforeEach, afterEach, mock } from 'node:test';
import assert from 'node:assert/strict';

import { byLabel, findAll, installFakeDom } from './fake-dom.js';
import { fakeBackend } from './fake-backend.js';

let doc;
beforeEach(() => {
  doc = installFakeDom();
  globalThis.requestAnimationFrame = (fn) => setTimeout(fn, 0);
  mock.timers.enable({ apis: ['setTimeout', 'setInterval'] });
});
afterEach(() => mock.timers.reset());

const { createApp } = await import('../../ui/js/app.js');
const flush = () => new Promise((resolve) => setImmediate(resolve));

test('a link "call at once" held back waits in the dial view with its reason', async () => {
  const root = doc.createElement('div');
  doc.body.appendChild(root);
  const backend = fakeBackend();
  await createApp(root, backend).start();
  backend.emit('link', { kind: 'held', number: '+442079460018', reason: 'An international number: press Call to dial it.' });
  await flush();
  assert.equal(byLabel(root, 'Phone number').value, '+442079460018', 'the number waits in the field');
  assert.equal(backend.log.filter(([n]) => n === 'placeCall').length, 0, 'nothing is dialed by itself');
  assert.ok(
    findAll(root, (el) => el.textContent.includes('international number')).length,
    'the reason is shown',
  );
});
