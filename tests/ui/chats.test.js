// Chats: the rail's badge counts unread posts before the view is opened; Ctrl+6 opens it; names
// and posts are text (a hostile name or post is inert, a mention is a highlighted span); opening
// a chat with unread posts reads it; older posts come on demand; Enter posts once and clears the
// draft, a refusal keeps it; a `chats` event reads the list and the open chat again. The
// notification level select sets the level by its word, muted chats are marked in the list; New
// chat / New team create once and open the chat; @-completion picks colleagues and posts them as
// mentions; Edit / Delete on the agent's own posts only; replies under their root.

import { test } from 'node:test';
import assert from 'node:assert/strict';

import { byLabel, findAll } from './fake-dom.js';
import { flush, started } from './harness.js';
import { fakeBackend } from './fake-backend.js';

const NOW = new Date().toISOString();
const chat = (id, name, unread = 0, mentions = 0) => ({ id, kind: 'Team', name, favorite: false, unread, unreadMentions: mentions, lastText: 'hello', lastAuthor: 'Ana Silva', lastTime: NOW, notify: 'mentions', notifyDefault: true });
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

const byId = (root, id) => findAll(root, (el) => el.id === id)[0];
const toastSaying = (root, words) => findAll(root, (el) => el.className.includes('toast') && el.textContent.includes(words)).length > 0;
const key = (el, name, extra = {}) => el.dispatchEvent({ type: 'keydown', key: name, ...extra });
/** Types `value` into a field, the caret at its end. */
function type(el, value) {
  el.value = value;
  el.setSelectionRange(value.length, value.length);
  el.dispatchEvent({ type: 'input' });
}

test('the notification level: the select sets it by its word, Default names the kind default, muted chats are marked', async () => {
  const backend = chatBackend();
  const chats = await backend.chats(null);
  backend.chats = async () => structuredClone(chats);
  backend.setChatNotify = async (id, level) => {
    backend.log.push(['setChatNotify', id, level]);
    const c = chats.find((x) => x.id === id);
    Object.assign(c, level === 'default' ? { notify: 'mentions', notifyDefault: true } : { notify: level, notifyDefault: false });
    return structuredClone(c);
  };
  backend.chatPosts = async (id) => ({ chat: structuredClone(chats.find((c) => c.id === id)), posts: [] });
  const { root } = await openChat(backend);
  const select = byId(root, 'chat-notify');
  assert.equal(select.getAttribute('aria-label'), 'Notifications');
  assert.equal(select.value, 'default', 'the agent chose nothing yet');
  const labels = select.children.map((o) => [o.getAttribute('value'), o.textContent]);
  assert.deepEqual(labels, [['all', 'All posts'], ['mentions', 'Mentions only'], ['muted', 'Muted'], ['default', 'Default (Mentions only)']]);
  assert.equal(byClass(root, 'chat-muted').length, 0);

  select.value = 'muted';
  select.dispatchEvent({ type: 'change' });
  await flush();
  assert.deepEqual(backend.log.filter(([n]) => n === 'setChatNotify'), [['setChatNotify', 'c1', 'muted']]);
  assert.equal(byId(root, 'chat-notify').value, 'muted');
  const marks = byClass(root, 'chat-muted');
  assert.equal(marks.length, 1, 'the muted chat is marked in the list');
  assert.equal(marks[0].getAttribute('aria-label'), 'Muted');
  assert.equal(marks[0].parentNode.dataset.id, 'c1');

  select.value = 'default';
  select.dispatchEvent({ type: 'change' });
  await flush();
  assert.deepEqual(backend.log.filter(([n]) => n === 'setChatNotify').at(-1), ['setChatNotify', 'c1', 'default']);
  assert.equal(byId(root, 'chat-notify').value, 'default');
  assert.equal(byClass(root, 'chat-muted').length, 0);

  backend.setChatNotify = async () => {
    throw { code: 'network', message: 'RingCentral cannot be reached', hint: 'Try again when online.' };
  };
  select.value = 'all';
  select.dispatchEvent({ type: 'change' });
  await flush();
  assert.ok(toastSaying(root, 'cannot be reached'), 'a refusal toasts');
  assert.equal(byId(root, 'chat-notify').value, 'default', 'and the select shows the level still in force');
});

test('New team: a named form, members picked by keyboard and click, creates once on a double submit and opens the team', async () => {
  let release;
  const backend = chatBackend();
  const directory = fakeBackend().colleagues;
  backend.colleagues = (...args) => (backend.log.push(['colleagues', ...args]), directory(...args));
  backend.newTeam = (name, people, open) => {
    backend.log.push(['newTeam', name, people, open]);
    return new Promise((resolve) => (release = () => resolve({ ...chat('t9', name), notify: 'mentions', notifyDefault: true })));
  };
  backend.chatPosts = async (id) => (backend.log.push(['chatPosts', id]), { chat: { ...chat(id, id === 't9' ? 'Night shift' : 'Support'), unread: 0 }, posts: [] });
  const { root } = await started(backend);
  await flush();
  backend.emit('navigate', { view: 'chats' });
  await flush();
  byId(root, 'team-new').click();
  await flush();
  const name = byId(root, 'team-name');
  assert.equal(root.ownerDocument.activeElement, name, 'focus goes to the first field');
  assert.equal(byLabel(root, 'Team name'), name, 'a visible label');
  assert.ok(name.hasAttribute('required'));
  name.value = 'Night shift';

  const people = byLabel(root, 'Members');
  assert.equal(people.id, 'chat-people-search');
  type(people, 'an');
  await flush();
  assert.deepEqual(backend.log.filter(([n]) => n === 'colleagues').at(-1), ['colleagues', 'an', 8]);
  const options = () => findAll(root, (el) => el.getAttribute('role') === 'option' && el.parentNode.id === 'chat-people-search-list');
  assert.deepEqual(options().map((o) => o.textContent.split('ana.')[0].split('anton.')[0]), ['Ana Silva', 'Anton Berg']);
  key(people, 'ArrowDown');
  key(people, 'Enter');
  assert.equal(people.value, '', 'picked: the field empties');
  type(people, 'ben');
  await flush();
  options()[0].click();
  const chips = findAll(root, (el) => el.className === 'person-chip');
  assert.deepEqual(chips.map((c) => c.textContent), ['Anton Berg', 'Ben Ode']);
  assert.ok(byLabel(root, 'Remove Anton Berg'), 'each chip can be removed by name');
  byLabel(root, 'Anyone in the company can join').checked = true;

  const form = findAll(root, (el) => el.tagName === 'FORM' && el.className === 'chat-form')[0];
  form.dispatchEvent({ type: 'submit', preventDefault() {} });
  form.dispatchEvent({ type: 'submit', preventDefault() {} });
  await flush();
  assert.equal(byId(root, 'team-create').disabled, true, 'disabled while under way');
  release();
  await flush();
  assert.deepEqual(backend.log.filter(([n]) => n === 'newTeam'), [['newTeam', 'Night shift', ['203', '202'], true]], 'once');
  assert.ok(backend.log.some(([n, id]) => n === 'chatPosts' && id === 't9'), 'the new team opens');
  assert.equal(byId(root, 'team-name'), undefined, 'the form is gone');
  assert.equal(root.ownerDocument.activeElement, byId(root, 'chat-text'));
});

test('New chat: a refusal toasts and keeps the form; Esc closes it; Start chat opens the chat', async () => {
  const backend = fakeBackend();
  const { root } = await started(backend);
  backend.emit('navigate', { view: 'chats' });
  await flush();
  byId(root, 'chat-new').click();
  const people = byId(root, 'chat-people-search');
  assert.equal(root.ownerDocument.activeElement, people);
  const form = () => findAll(root, (el) => el.tagName === 'FORM' && el.className === 'chat-form')[0];
  form().dispatchEvent({ type: 'submit', preventDefault() {} });
  await flush();
  assert.ok(!backend.log.some(([n]) => n === 'newChat'), 'nobody picked: nothing asked');
  assert.match(findAll(root, (el) => el.className === 'form-error')[0].textContent, /Pick at least one/);

  type(people, 'chlo');
  await flush();
  key(people, 'Enter');
  byLabel(root, 'Remove Chloé Martin').click();
  assert.equal(findAll(root, (el) => el.className === 'person-chip').length, 0, 'removed');
  type(people, 'ana');
  await flush();
  key(people, 'Enter');
  const newChat = backend.newChat;
  backend.newChat = async (ids) => {
    backend.log.push(['newChat', ids]);
    throw { code: 'network', message: 'RingCentral cannot be reached', hint: 'Try again.' };
  };
  form().dispatchEvent({ type: 'submit', preventDefault() {} });
  await flush();
  assert.ok(toastSaying(root, 'cannot be reached'));
  assert.ok(form(), 'the form stays');
  assert.equal(findAll(root, (el) => el.className === 'person-chip')[0].textContent, 'Ana Silva', 'as picked');
  assert.equal(byId(root, 'chat-start').disabled, false, 'and can be tried again');

  backend.newChat = newChat;
  form().dispatchEvent({ type: 'submit', preventDefault() {} });
  await flush();
  assert.deepEqual(backend.log.filter(([n]) => n === 'newChat').at(-1), ['newChat', ['201']]);
  assert.equal(byClass(byClass(root, 'chat-pane')[0], 'thread-title')[0].textContent, 'Ana Silva', 'the direct chat opens');
  assert.equal(form(), undefined, 'the form is gone');

  byId(root, 'chat-new').click();
  key(byId(root, 'chat-people-search'), 'Escape');
  assert.equal(form(), undefined, 'Esc closes the form');
  assert.equal(root.ownerDocument.activeElement, byId(root, 'chat-new'), 'focus back on the button');
});

test('hostile texts stay text: markup and fake mention markup in a post are shown literally', async () => {
  const backend = chatBackend({
    chatPosts: async (id) => ({
      chat: chat(id, 'Support'),
      posts: [post('p9', '<i>Mallory</i>', [{ kind: 'text', text: '<img src=x onerror=alert(1)> and ![:Person](1) and ![:Team](2)' }])],
    }),
  });
  const { root } = await openChat(backend);
  const text = byClass(root, 'post-text')[0];
  assert.equal(text.textContent, '<img src=x onerror=alert(1)> and ![:Person](1) and ![:Team](2)');
  assert.equal(findAll(text, () => true).length, 0, 'one text node, no elements');
  assert.equal(byClass(byClass(root, 'posts')[0], 'mention').length, 0, 'fake mention markup is no mention');
  assert.equal(byClass(root, 'post-author')[0].textContent, '<i>Mallory</i>');
  assert.equal(findAll(root, (el) => el.tagName === 'I' || el.tagName === 'IMG').length, 0);
});

test("Edit and Delete only on the agent's own posts; Enter saves an edit, Esc cancels, Delete asks first", async () => {
  const backend = chatBackend({
    editChatPost: async (...args) => (backend.log.push(['editChatPost', ...args]), post(args[1], 'Sam Agent', [{ kind: 'text', text: args[2] }], true)),
    deleteChatPost: async (...args) => (backend.log.push(['deleteChatPost', ...args]), null),
  });
  const { root } = await openChat(backend);
  const item = (id) => byId(root, `post-${id}`);
  assert.ok(item('p1') && item('p2'));
  assert.equal(findAll(item('p1'), (el) => el.tagName === 'BUTTON').length, 0, "others' posts: nothing to change");
  assert.equal(byLabel(item('p2'), 'Edit post').textContent, 'Edit');
  assert.equal(byLabel(item('p2'), 'Delete post').textContent, 'Delete');

  byLabel(item('p2'), 'Edit post').click();
  const box = byId(root, 'chat-edit-text');
  assert.equal(box.value, 'on it');
  assert.equal(root.ownerDocument.activeElement, box);
  key(box, 'Escape');
  assert.equal(byId(root, 'chat-edit-text'), undefined, 'Esc cancels');
  assert.equal(byClass(root, 'chat-pane')[0].hidden, false, 'and keeps the chat open');
  assert.equal(root.ownerDocument.activeElement, byLabel(item('p2'), 'Edit post'));

  byLabel(item('p2'), 'Edit post').click();
  const reads = backend.log.filter(([n]) => n === 'chatPosts').length;
  byId(root, 'chat-edit-text').value = 'on it — calling now';
  key(byId(root, 'chat-edit-text'), 'Enter');
  await flush();
  assert.deepEqual(backend.log.filter(([n]) => n === 'editChatPost'), [['editChatPost', 'c1', 'p2', 'on it — calling now', []]]);
  assert.ok(!backend.log.some(([n]) => n === 'postToChat'), 'Enter in the edit does not post');
  assert.equal(backend.log.filter(([n]) => n === 'chatPosts').length, reads + 1, 'the chat is read again');
  assert.equal(byId(root, 'chat-edit-text'), undefined);

  byLabel(item('p2'), 'Delete post').click();
  assert.ok(!backend.log.some(([n]) => n === 'deleteChatPost'), 'not before the answer');
  assert.equal(findAll(item('p2'), (el) => el.className === 'post-ask')[0].textContent, 'Delete?');
  assert.equal(root.ownerDocument.activeElement, byLabel(item('p2'), 'No, keep post'));
  byLabel(item('p2'), 'No, keep post').click();
  assert.equal(byLabel(item('p2'), 'Yes, delete post'), null);
  byLabel(item('p2'), 'Delete post').click();
  byLabel(item('p2'), 'Yes, delete post').click();
  await flush();
  assert.deepEqual(backend.log.filter(([n]) => n === 'deleteChatPost'), [['deleteChatPost', 'c1', 'p2']]);
  assert.equal(backend.log.filter(([n]) => n === 'chatPosts').length, reads + 2, 'read again');
});

test('@-completion: arrows and Enter pick without posting, Esc closes the list only, the pick goes as a mention', async () => {
  const backend = chatBackend();
  backend.colleagues = fakeBackend().colleagues;
  const original = backend.colleagues;
  backend.colleagues = (...args) => (backend.log.push(['colleagues', ...args]), original(...args));
  backend.postToChat = async (...args) => (backend.log.push(['postToChat', ...args]), { chat: args[0], outboxId: 1, state: 'sent', postId: 'p3' });
  const { root } = await openChat(backend);
  const text = byId(root, 'chat-text');
  const list = byId(root, 'mention-list');
  assert.equal(list.getAttribute('role'), 'listbox');
  type(text, 'ask @an');
  await flush();
  assert.deepEqual(backend.log.filter(([n]) => n === 'colleagues').at(-1), ['colleagues', 'an', 6]);
  assert.equal(list.hidden, false);
  assert.equal(list.children.length, 2);
  key(text, 'ArrowDown');
  assert.equal(text.getAttribute('aria-activedescendant'), 'mention-1');
  key(text, 'Enter');
  assert.equal(text.value, 'ask @Anton Berg ');
  assert.equal(list.hidden, true);
  assert.ok(!backend.log.some(([n]) => n === 'postToChat'), 'Enter picked, did not post');

  type(text, 'ask @Anton Berg and @be');
  await flush();
  key(text, 'Escape');
  assert.equal(list.hidden, true, 'Esc closes the list');
  assert.equal(byClass(root, 'chat-pane')[0].hidden, false, 'not the chat');
  type(text, 'ask @Anton Berg and @ben');
  await flush();
  assert.equal(list.hidden, true, 'a dismissed @query stays dismissed');

  type(text, 'ask @Anton Berg and @Ana Silva later');
  key(text, 'Enter');
  await flush();
  const sent = backend.log.filter(([n]) => n === 'postToChat');
  assert.deepEqual(sent, [['postToChat', 'c1', 'ask @Anton Berg and @Ana Silva later', [{ id: '203', name: 'Anton Berg' }]]], 'only picks become mentions');
  assert.equal(text.value, '');
});

test('replies sit under their root, marked as replies', async () => {
  const reply = (id, root) => ({ ...post(id, 'Ben Ode', [{ kind: 'text', text: id }]), threadId: root });
  const backend = chatBackend({
    chatPosts: async (id) => ({
      chat: chat(id, 'Support'),
      posts: [post('r1', 'Ana Silva', [{ kind: 'text', text: 'r1' }]), post('x', 'Ana Silva', [{ kind: 'text', text: 'x' }]), reply('q1', 'r1'), reply('q2', 'gone')],
    }),
  });
  const { root } = await openChat(backend);
  const items = findAll(root, (el) => el.tagName === 'LI' && el.className.split(' ').includes('post'));
  assert.deepEqual(items.map((li) => li.dataset.id), ['r1', 'q1', 'x', 'q2']);
  const q1 = byId(root, 'post-q1');
  assert.equal(q1.className, 'post reply');
  assert.equal(byClass(q1, 'reply-marker')[0].textContent, '↳ reply');
  assert.ok(byId(root, 'post-q2').className.split(' ').includes('reply'), 'a reply whose root is not loaded is still one');
  assert.equal(byId(root, 'post-x').className, 'post');
});
