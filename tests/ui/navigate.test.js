// Where a clicked notification (or the tray) takes the window: an incoming call's contact, the
// number looked up in Contacts when nobody knows it, a text's conversation, a team chat, a view.

import { test } from 'node:test';
import assert from 'node:assert/strict';

import { flush, started } from './harness.js';

test('a clicked incoming-call notification opens its contact', async () => {
  const app = await started();
  app.backend.emit('navigate', { view: 'contacts', number: '+14155550188', contact: 7 });
  await flush();
  assert.ok(app.backend.log.some(([name, id]) => name === 'contact' && id === 7), 'the contact is read');
  assert.ok(!app.backend.log.some(([name]) => name === 'thread'), 'no conversation opens');
});

test('an unknown caller is looked up in Contacts; a text opens its conversation', async () => {
  const app = await started();
  app.backend.emit('navigate', { view: 'contacts', number: '+14155550188', contact: null });
  await flush();
  assert.ok(
    app.backend.log.some(([name, search]) => name === 'contacts' && String(search).includes('4155550188')),
    'Contacts searched for the number',
  );
  app.backend.emit('navigate', { view: 'messages', number: '+14155550199', contact: null });
  await flush();
  assert.ok(app.backend.log.some(([name, number]) => name === 'thread' && number === '+14155550199'));
});

test('a clicked chat notification opens that chat in Chats', async () => {
  const { app, backend, root } = await started();
  backend.emit('navigate', { view: 'chats', chat: 'c9' });
  await flush();
  assert.equal(app.store.get().view, 'chats');
  assert.ok(backend.log.some(([name, chat]) => name === 'chatPosts' && chat === 'c9'), 'that chat is read');
  assert.ok(!backend.log.some(([name]) => name === 'thread'), 'no conversation opens');
  assert.equal(root.ownerDocument.activeElement?.id, 'chat-text', 'ready to answer');
});
