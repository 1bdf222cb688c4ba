// The unread badge counts every conversation in the cache (the core's `messages` events): a
// search in the Messages view filters the list, never the badge.

import { test } from 'node:test';
import assert from 'node:assert/strict';

import { byLabel } from './fake-dom.js';
import { flush, started } from './harness.js';
import { fakeBackend } from './fake-backend.js';


const conversation = (number, unread) => ({ number, display: number, name: null, lastText: 'hi', lastTime: new Date().toISOString(), unread });

test('searching conversations leaves the unread badge at the cache total', async () => {
  const all = [conversation('+14155550001', 2), conversation('+14155550002', 13)];
  const backend = fakeBackend({
    conversations: (search) => {
      backend.log.push(['conversations', search]);
      return Promise.resolve(search ? all.filter((c) => c.number.endsWith(search)) : all);
    },
  });
  const { root, app } = await started(backend);
  backend.emit('messages', { number: null, unread: 15 });
  app.show('messages');
  await flush();
  const search = byLabel(root, 'Search conversations');
  search.value = '0001';
  search.dispatchEvent({ type: 'input' });
  await flush();
  assert.ok(backend.log.some(([name, q]) => name === 'conversations' && q === '0001'), 'the search reached the backend');
  assert.equal(app.store.get().unread, 15, 'the badge is the cache total, not the 2 of the one conversation found');
});
