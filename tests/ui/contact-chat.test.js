// A contact's Chat button: a colleague from the company directory (person_id set) has one that
// opens the direct team chat with them (made if need be); other contacts have none; a refusal
// toasts and the page stays.

import { test } from 'node:test';
import assert from 'node:assert/strict';

import { findAll } from './fake-dom.js';
import { flush, started } from './harness.js';
import { fakeBackend } from './fake-backend.js';

const byId = (root, id) => findAll(root, (el) => el.id === id)[0];
const contact = (fields) => ({ id: 7, name: 'Ana Silva', company: 'Acme', email: 'ana.silva@example.com', source: 'directory', person_id: '201', numbers: [], timeline: [], ...fields });

test("a colleague's page has Chat, which opens the direct chat with them", async () => {
  const backend = fakeBackend({ contact: async (id) => (backend.log.push(['contact', id]), contact()) });
  const { root, app } = await started(backend);
  backend.emit('navigate', { view: 'contacts', contact: 7 });
  await flush();
  const chat = byId(root, 'contact-chat');
  assert.equal(chat.tagName, 'BUTTON');
  assert.equal(chat.textContent, 'Chat', 'its name is what it says');
  chat.click();
  await flush();
  assert.deepEqual(backend.log.find(([n]) => n === 'newChat'), ['newChat', ['201']]);
  assert.equal(app.store.get().view, 'chats');
  assert.ok(backend.log.some(([n, id]) => n === 'chatPosts' && id === 'chat1'), 'the direct chat opens');
  const title = findAll(byId(root, 'chat-notify').parentNode, (el) => el.className === 'thread-title')[0];
  assert.equal(title.textContent, 'Ana Silva');
});

test('no Chat for a contact who is not a colleague; a refusal toasts and the page stays', async () => {
  let person = null;
  const backend = fakeBackend({
    contact: async () => contact({ source: 'personal', person_id: person }),
    newChat: async () => {
      throw { code: 'network', message: 'RingCentral cannot be reached', hint: 'Try again when online.' };
    },
  });
  const { root, app } = await started(backend);
  backend.emit('navigate', { view: 'contacts', contact: 7 });
  await flush();
  assert.equal(byId(root, 'contact-chat'), undefined);
  person = '202';
  backend.emit('navigate', { view: 'contacts', contact: 7 });
  await flush();
  byId(root, 'contact-chat').click();
  await flush();
  assert.ok(findAll(root, (el) => el.className.includes('toast') && el.textContent.includes('cannot be reached')).length);
  assert.equal(app.store.get().view, 'contacts', 'the page stays');
  assert.equal(byId(root, 'contact-chat').disabled, false, 'and Chat can be pressed again');
});
