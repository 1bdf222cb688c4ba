// Chats: the agent's RingCentral team chats — the list (favourites first, then the most recent;
// search by name; unread and mention counts), and a chat's posts grouped by day and author, a
// mention shown highlighted (as text, never markup), older posts on demand, and a composer that
// posts once through the outbox (queued while RingCentral is away). Opening a chat reads it.

import { h, icon, replaceChildren } from '../lib/dom.js';
import { dayLabel, formatTime } from '../lib/format.js';
import { latest } from '../lib/debounce.js';
import { postRows, unreadTotal } from '../lib/chats.js';

export const chatsView = { id: 'chats', label: 'Chats', icon: 'chats', create };

/** Posts read when a chat opens, and per "Load older". */
const PAGE = 100;
const OLDER = 50;

function create(ctx) {
  const { backend } = ctx;
  let chats = [];
  let openId = null;
  let posts = [];
  let sending = false;

  const search = h('input', { id: 'chats-search', type: 'search', placeholder: 'Search chats', autocomplete: 'off' });
  const rows = h('ul', { class: 'chat-list', 'aria-label': 'Chats' });
  const empty = h('p', { class: 'empty', hidden: true }, 'No chats yet. They appear after the first sync.');
  const listPane = h(
    'div',
    { class: 'pane chat-list-pane' },
    h('div', { class: 'view-header' }, h('h1', { id: 'chats-title' }, 'Chats')),
    h('label', { for: 'chats-search', class: 'visually-hidden' }, 'Search chats'),
    search,
    empty,
    rows,
  );
  const title = h('h2', { class: 'thread-title' });
  const subtitle = h('span', { class: 'muted' });
  const back = h('button', { type: 'button', class: 'icon-button', 'aria-label': 'Back to chats', onClick: () => close() }, icon('back'));
  const older = h('button', { type: 'button', class: 'load-older', onClick: () => void loadOlder() }, 'Load older posts');
  const list = h('ol', { class: 'posts', 'aria-label': 'Posts', 'aria-live': 'polite' });
  const text = h('textarea', { id: 'chat-text', rows: '2', 'aria-label': 'Post', placeholder: 'Write a post', maxlength: '10000' });
  const send = h('button', { type: 'submit', class: 'primary', 'aria-label': 'Post', disabled: true }, icon('send'));
  const composer = h('form', { class: 'composer chat-composer', onSubmit: (e) => (e.preventDefault(), void post()) }, text, send);
  const threadPane = h('div', { class: 'pane chat-pane', hidden: true }, h('div', { class: 'thread-header' }, back, h('div', { class: 'thread-who' }, title, subtitle)), older, list, composer);
  const element = h('section', { class: 'view chats', 'aria-labelledby': 'chats-title', hidden: true }, listPane, threadPane);

  const fetchChats = latest((query) => backend.chats(query || null));

  async function loadList() {
    const answer = await fetchChats(search.value.trim());
    if (answer.stale) return;
    if (answer.error) return ctx.toast(answer.error.message, answer.error.hint, 'error');
    chats = answer.value ?? [];
    // The rail counts every chat's unread posts, whatever the search shows.
    if (!search.value.trim()) ctx.store.update({ chatUnread: unreadTotal(chats) });
    empty.hidden = chats.length > 0;
    replaceChildren(rows, chats.map(chatRow));
  }

  function chatRow(c) {
    const counts = c.unread ? h('span', { class: c.unreadMentions ? 'badge mention' : 'badge', 'aria-label': `${c.unread} unread${c.unreadMentions ? `, ${c.unreadMentions} for you` : ''}` }, String(c.unread)) : null;
    const last = c.lastText ? `${c.lastAuthor ?? ''}: ${c.lastText}` : '';
    return h(
      'li',
      {},
      h(
        'button',
        { type: 'button', class: 'chat-row', 'aria-current': c.id === openId ? 'true' : null, onClick: () => void open(c.id) },
        h('span', { class: 'chat-name' }, c.favorite ? '★ ' : '', c.name),
        h('span', { class: 'muted chat-last' }, last),
        counts,
      ),
    );
  }

  /** Opens (or, with `quiet`, reads again) a chat; opening it reads it. */
  async function open(id, quiet = false) {
    let view;
    try {
      view = await backend.chatPosts(id, null, PAGE);
    } catch (error) {
      return ctx.toast(error.message, error.hint, 'error');
    }
    openId = id;
    posts = view.posts ?? [];
    replaceChildren(title, view.chat.name);
    replaceChildren(subtitle, view.chat.kind === 'Team' ? 'Team' : view.chat.kind === 'Direct' ? 'Direct chat' : view.chat.kind);
    threadPane.hidden = false;
    element.dataset.open = 'true';
    renderPosts();
    if (!quiet) text.focus();
    if (view.chat.unread > 0) {
      backend.markChatRead(id).then(loadList, (e) => ctx.toast(e.message, e.hint, 'error'));
    } else {
      void loadList();
    }
  }

  function close() {
    openId = null;
    threadPane.hidden = true;
    element.dataset.open = 'false';
    search.focus();
  }

  function renderPosts() {
    const items = postRows(posts).map((row) =>
      row.type === 'day'
        ? h('li', { class: 'day-separator' }, dayLabel(row.key))
        : h(
            'li',
            { class: row.post.mine ? 'post mine' : 'post', dataset: { id: row.post.id } },
            row.showAuthor ? h('span', { class: 'post-author' }, row.post.author) : null,
            h('span', { class: 'post-text' }, row.post.parts.map((p) => (p.kind === 'mention' ? h('span', { class: p.me ? 'mention me' : 'mention' }, `@${p.name}`) : p.text))),
            h('span', { class: 'muted post-time' }, formatTime(row.post.time), row.post.edited ? ' (edited)' : ''),
          ),
    );
    replaceChildren(list, items);
    older.hidden = posts.length === 0;
  }

  async function loadOlder() {
    const first = posts[0];
    if (!first || !openId) return;
    older.disabled = true;
    try {
      const chat = openId;
      const more = await backend.olderChatPosts(chat, first.id, OLDER);
      if (chat !== openId) return;
      if (!more.length) older.hidden = true;
      posts = [...more, ...posts];
      renderPosts();
    } catch (error) {
      ctx.toast(error.message, error.hint, 'error');
    } finally {
      older.disabled = false;
    }
  }

  async function post() {
    const body = text.value;
    if (sending || !openId || !body.trim()) return;
    sending = true;
    send.disabled = true;
    try {
      const sent = await backend.postToChat(openId, body);
      text.value = '';
      if (sent.state !== 'sent') ctx.toast('Queued: the post goes once RingCentral can be reached.', '', 'info');
      await open(openId, true);
    } catch (error) {
      // The draft stays, to fix or send again.
      ctx.toast(error.message, error.hint, 'error');
    } finally {
      sending = false;
      send.disabled = !text.value.trim();
    }
  }

  text.addEventListener('input', () => (send.disabled = sending || !text.value.trim()));
  text.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && !event.shiftKey) {
      event.preventDefault();
      void post();
    }
  });
  search.addEventListener('input', () => void loadList());
  backend.on?.('chats', (change) => {
    void loadList();
    if (openId && (!change?.chat || change.chat === openId)) void open(openId, true);
  });

  let loaded = false;
  return {
    element,
    focus: () => (openId ? text : search).focus(),
    escape: () => (openId ? close() : undefined),
    async show() {
      if (!loaded) {
        loaded = true;
        await loadList();
      }
    },
    /** Reads the list again (after a sync). */
    reload: loadList,
  };
}
