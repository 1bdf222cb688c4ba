// Chats: the rail's badge counts unread posts before the view is opened; Ctrl+6 opens it; names
// and posts are text (a hostile name or post is inert, a mention is a highlighted span); opening
// a chat with unread posts reads it; older posts come on demand; Enter posts once and clears the
// draft, a refusal keeps it; a `chats` event reads the list and the open chat again.

import { test } from 'node:test';
import assert from 'node:assert/strict';

import { byLabel, findAll } from './fake-dom.js';
import { flush, started } from './harness.js';
import { fakeBackend } from './fake-backend.js';

const NOW = new Date().toISOString();
const chat = (id, name, unread = 0, mentions = 0) => ({ id, kind: 'Team', name, favorite: false, unread, unreadMentions: mentions, lastText: 'hello', lastAuthor: 'Ana Silva', lastTime: NOW });
const post = (id, author, parts, mine = false) => ({ id, author, authorId: author, mine, time: NOW, edited: false, parts, threadId: null });
const byClass = (root, name) => findAll(root, (el) => el.className.split(' ').includes(name));

function chatBackend(overrides = {}) {
  const chats = [chat('c1', 'Support <b>team</b>', 3, 1), chat('c2', 'Sales', 2)];
  const posts = [
    post('p1', 'Ana Silva', [{ kind: 'text', text: '<img src=x onerror=alert(1)> hi ' }, { kind: 'mention', id: '100', name: 'Sam Agent', me: true }]),
    post('p2', 'Sam Agent', [{ kind: 'text', text: 'on it' }], true),
  ];
  const backend = fakeBackend({
    chats: async (search) => (backend.log.push(['chats', search]), search ? chats.filter((c) => c.name.includes(search)) : chats),
    chatPosts: async (id, before, limit) => (backend.log.push(['chatPosts', id, before, limit]), { chat: chats.find((c) => c.id === id), posts }),
    markChatRead: async (id) => backend.log.push(['markChatRead', id]),
    olderChatPosts: async (id, before) => (backend.log.push(['olderChatPosts', id, before]), [post('p0', 'Ben Ode', [{ kind: 'text', text: 'earlier' }])]),
    postToChat: async (id, text) => (backend.log.push(['postToChat', id, text]), { chat: id, outboxId: 1, state: 'sent', postId: 'p3' }),
    ...overrides,
  });
  return backend;
}

async function openChat(backend) {
  const { root, app } = await started(backend);
  await flush();
  app.show('chats');
  await flush();
  findAll(root, (el) => el.className === 'chat-row')[0].click();
  await flush();
  return { root, app };
}

test('the rail counts unread posts at start, Ctrl+6 opens Chats, names are text', async () => {
  const backend = chatBackend();
  const { root, app } = await started(backend);
  await flush();
  assert.equal(app.store.get().chatUnread, 5, 'every chat, before the view is opened');
  root.ownerDocument.dispatchEvent({ type: 'keydown', key: '6', ctrlKey: true });
  await flush();
  assert.equal(app.store.get().view, 'chats');
  const names = byClass(root, 'chat-name');
  assert.equal(names[0].textContent, 'Support <b>team</b>', 'markup in a name is text');
  assert.equal(findAll(names[0], (el) => el.tagName === 'B').length, 0);
});

test('opening a chat shows its posts as text with the mention highlighted, and reads it', async () => {
  const backend = chatBackend();
  const { root } = await openChat(backend);
  assert.deepEqual(backend.log.find(([n]) => n === 'chatPosts'), ['chatPosts', 'c1', null, 100]);
  assert.ok(backend.log.some(([n, id]) => n === 'markChatRead' && id === 'c1'), 'unread posts: read now');
  const texts = byClass(root, 'post-text');
  assert.equal(texts[0].textContent, '<img src=x onerror=alert(1)> hi @Sam Agent');
  assert.equal(findAll(texts[0], (el) => el.tagName === 'IMG').length, 0, 'no markup');
  const mention = byClass(root, 'mention')[0];
  assert.ok(mention.className.includes('me'), 'a mention of the agent is highlighted');
  byClass(root, 'load-older')[0].click();
  await flush();
  assert.deepEqual(backend.log.find(([n]) => n === 'olderChatPosts'), ['olderChatPosts', 'c1', 'p1']);
  assert.equal(byClass(root, 'post-text')[0].textContent, 'earlier', 'older posts go on top');
});

test('Enter posts once and clears the draft; a refusal keeps it and says why', async () => {
  let release;
  const backend = chatBackend({
    postToChat: (id, text) => {
      backend.log.push(['postToChat', id, text]);
      return new Promise((resolve) => (release = () => resolve({ chat: id, outboxId: 1, state: 'sent', postId: 'p3' })));
    },
  });
  const { root } = await openChat(backend);
  const text = byLabel(root, 'Post');
  text.value = 'calling them now';
  text.dispatchEvent({ type: 'input' });
  text.dispatchEvent({ type: 'keydown', key: 'Enter', preventDefault() {} });
  text.dispatchEvent({ type: 'keydown', key: 'Enter', preventDefault() {} });
  await flush();
  release();
  await flush();
  assert.equal(backend.log.filter(([n]) => n === 'postToChat').length, 1, 'once');
  assert.equal(text.value, '', 'the draft is cleared');

  const refusing = chatBackend({
    postToChat: async () => {
      throw { code: 'validation', message: 'the post has 10001 characters; RingCentral takes at most 10000', hint: 'Shorten it.' };
    },
  });
  const second = await openChat(refusing);
  const draft = byLabel(second.root, 'Post');
  draft.value = 'x'.repeat(20);
  draft.dispatchEvent({ type: 'input' });
  draft.dispatchEvent({ type: 'keydown', key: 'Enter', preventDefault() {} });
  await flush();
  assert.equal(draft.value, 'x'.repeat(20), 'the draft stays');
  assert.ok(findAll(second.root, (el) => el.className.includes('toast') && el.textContent.includes('at most 10000')).length, 'the reason shows');
});

test('a chats event reads the list and the open chat again', async () => {
  const backend = chatBackend();
  await openChat(backend);
  const before = backend.log.filter(([n]) => n === 'chatPosts').length;
  backend.emit('chats', { chat: 'c1' });
  await flush();
  assert.equal(backend.log.filter(([n]) => n === 'chatPosts').length, before + 1);
  backend.emit('chats', { chat: 'c2' });
  await flush();
  assert.equal(backend.log.filter(([n]) => n === 'chatPosts').length, before + 1, 'another chat: the open one is not read again');
});
