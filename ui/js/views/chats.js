// Chats: the agent's RingCentral team chats — the list (favourites first, then the most recent;
// search by name; unread and mention counts; a bell-off mark on muted chats), New chat and New
// team (forms in the list pane: chat-new.js), and the open chat: its notification level (All
// posts / Mentions only / Muted / the kind's default), its posts by day, author run and thread
// with the agent's own editable and deletable (chat-posts.js), older posts on demand, and a
// composer with @-mention completion (chat-mentions.js) that posts once through the outbox
// (queued while RingCentral is away). Opening a chat reads it; `openChat` opens one from
// elsewhere (a clicked chat notification, a contact's Chat button).

import { h, icon, replaceChildren } from '../lib/dom.js';
import { latest } from '../lib/debounce.js';
import { NOTIFY_LEVELS, defaultLevel, mergePosts, notifyChoice, notifyWords, unreadTotal } from '../lib/chats.js';
import { chatForm } from './chat-new.js';
import { mentionCompleter } from './chat-mentions.js';
import { postList } from './chat-posts.js';

export const chatsView = { id: 'chats', label: 'Chats', icon: 'chats', create };

/** Posts read when a chat opens, and per "Load older". */
const PAGE = 100;
const OLDER = 50;
const KINDS = { Team: 'Team', Direct: 'Direct chat', Group: 'Group chat', Personal: 'Personal notes', Everyone: 'Everyone in the company' };

function create(ctx) {
  const { backend } = ctx;
  let chats = [];
  let openId = null;
  let openView = null; // the open chat's ChatView
  let opening = 0; // the newest open(), whose answer wins
  let sending = false;
  let exhausted = false; // "Load older" found nothing more in the open chat
  let form = null; // the New chat / New team form, while open
  let opener = null; // the button that opened it
  /** Each chat's default level, as seen while it was in force (the Default option says it). */
  const defaults = new Map();

  const search = h('input', { id: 'chats-search', type: 'search', placeholder: 'Search chats', autocomplete: 'off' });
  const rows = h('ul', { class: 'chat-list', 'aria-label': 'Chats' });
  const empty = h('p', { class: 'empty', hidden: true }, 'No chats yet. They appear after the first sync.');
  const newChat = h('button', { type: 'button', id: 'chat-new', class: 'chat-new', onClick: () => openForm(false, newChat) }, 'New chat');
  const newTeam = h('button', { type: 'button', id: 'team-new', class: 'chat-new', onClick: () => openForm(true, newTeam) }, 'New team');
  const browse = h('div', { class: 'chat-browse' }, h('label', { for: 'chats-search', class: 'visually-hidden' }, 'Search chats'), search, empty, rows);
  const formSlot = h('div', { class: 'chat-form-slot', hidden: true });
  const listPane = h(
    'div',
    { class: 'pane chat-list-pane' },
    h('div', { class: 'view-header' }, h('h1', { id: 'chats-title' }, 'Chats'), newChat, newTeam),
    browse,
    formSlot,
  );
  const title = h('h2', { class: 'thread-title' });
  const subtitle = h('span', { class: 'muted' });
  const back = h('button', { type: 'button', class: 'icon-button', 'aria-label': 'Back to chats', onClick: () => close() }, icon('back'));
  const notify = h('select', { id: 'chat-notify', class: 'chat-notify', 'aria-label': 'Notifications', onChange: () => void setNotify() });
  const older = h('button', { type: 'button', class: 'load-older', onClick: () => void loadOlder() }, 'Load older posts');
  const list = postList(ctx, { chat: () => openId, reread: () => reread(), deleted: () => text.focus() });
  const text = h('textarea', { id: 'chat-text', rows: '2', 'aria-label': 'Post', placeholder: 'Write a post — @ mentions a colleague', maxlength: '10000' });
  const send = h('button', { type: 'submit', class: 'primary chat-send', 'aria-label': 'Post', disabled: true }, icon('send'));
  const completer = mentionCompleter(ctx, text, { changed: () => (send.disabled = sending || !text.value.trim()) });
  const composer = h('form', { class: 'composer chat-composer', onSubmit: (e) => (e.preventDefault(), void post()) }, h('div', { class: 'chat-compose-field' }, text, completer.element), send);
  const threadPane = h(
    'div',
    { class: 'pane chat-pane', hidden: true },
    h('div', { class: 'thread-header chat-header' }, back, h('div', { class: 'thread-who' }, title, subtitle), notify),
    older,
    list.element,
    composer,
  );
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
    const muted = c.notify === 'muted' ? h('span', { class: 'chat-muted', role: 'img', 'aria-label': 'Muted', title: 'Muted' }, icon('bell-off')) : null;
    return h(
      'li',
      {},
      h(
        'button',
        { type: 'button', class: 'chat-row', 'aria-current': c.id === openId ? 'true' : null, dataset: { id: c.id }, onClick: () => void open(c.id) },
        h('span', { class: 'chat-name' }, c.favorite ? '★ ' : '', c.name),
        muted,
        h('span', { class: 'muted chat-last' }, last),
        counts,
      ),
    );
  }

  /** Opens (or, with `quiet`, reads again) a chat; opening it reads it. */
  async function open(id, quiet = false) {
    const mine = ++opening;
    let view;
    try {
      view = await backend.chatPosts(id, null, PAGE);
    } catch (error) {
      if (mine === opening) ctx.toast(error.message, error.hint, 'error');
      return;
    }
    if (mine !== opening) return;
    const again = quiet && id === openId;
    if (!again) {
      list.reset();
      exhausted = false;
    }
    openId = id;
    renderHeader(view.chat);
    threadPane.hidden = false;
    element.dataset.open = 'true';
    // Read again, the newest posts come in and older ones loaded meanwhile stay.
    list.render(again ? mergePosts(list.posts(), view.posts ?? []) : view.posts ?? []);
    older.hidden = exhausted || list.posts().length === 0;
    if (!quiet) text.focus();
    if (view.chat.unread > 0) {
      backend.markChatRead(id).then(loadList, (e) => ctx.toast(e.message, e.hint, 'error'));
    } else {
      void loadList();
    }
  }

  /** The open chat read again (after an edit, a deletion, a `chats` event). */
  const reread = () => (openId ? open(openId, true) : Promise.resolve());

  function renderHeader(chat) {
    openView = chat;
    replaceChildren(title, chat.name);
    replaceChildren(subtitle, KINDS[chat.kind] ?? chat.kind ?? '');
    renderNotify(chat);
  }

  function renderNotify(chat) {
    const own = defaultLevel(chat, defaults.get(chat.id));
    if (chat.notifyDefault && own) defaults.set(chat.id, own);
    replaceChildren(
      notify,
      NOTIFY_LEVELS.map((level) => h('option', { value: level.value }, level.label)),
      h('option', { value: 'default' }, own ? `Default (${notifyWords(own)})` : 'Default'),
    );
    notify.value = notifyChoice(chat);
  }

  async function setNotify() {
    const id = openId;
    const level = notify.value;
    if (!id || !openView) return;
    notify.disabled = true;
    try {
      const chat = await backend.setChatNotify(id, level);
      if (id === openId) renderHeader({ ...openView, ...chat });
      void loadList();
    } catch (error) {
      if (id === openId) renderNotify(openView);
      ctx.toast(error.message, error.hint, 'error');
    } finally {
      notify.disabled = false;
    }
  }

  function close() {
    openId = null;
    openView = null;
    list.reset();
    threadPane.hidden = true;
    element.dataset.open = 'false';
    search.focus();
  }

  /** New chat (`team` false) or New team, in the list pane instead of the list. */
  function openForm(team, from) {
    opener = from;
    form = chatForm(ctx, {
      team,
      onCreated: (chat) => {
        closeForm(false);
        void open(chat.id);
      },
      onCancel: () => closeForm(true),
    });
    replaceChildren(formSlot, form.element);
    formSlot.hidden = false;
    browse.hidden = true;
    element.dataset.form = 'true';
    form.focus();
  }

  function closeForm(refocus) {
    form = null;
    replaceChildren(formSlot);
    formSlot.hidden = true;
    browse.hidden = false;
    element.dataset.form = 'false';
    if (refocus) (opener ?? search).focus();
  }

  async function loadOlder() {
    const first = list.posts()[0];
    if (!first || !openId) return;
    older.disabled = true;
    try {
      const chat = openId;
      const more = await backend.olderChatPosts(chat, first.id, OLDER);
      if (chat !== openId) return;
      if (!more.length) {
        exhausted = true;
        older.hidden = true;
      }
      list.render([...more, ...list.posts()]);
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
      // The people picked from the completion whose @name is still in the text.
      const sent = await backend.postToChat(openId, body, completer.mentions(body));
      text.value = '';
      completer.clear();
      completer.close();
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
    // The mention list, while open, takes the arrows, Enter, Tab and Esc.
    if (completer.keydown(event)) return;
    if (event.key === 'Enter' && !event.shiftKey) {
      event.preventDefault();
      void post();
    }
  });
  search.addEventListener('input', () => void loadList());
  backend.on?.('chats', (change) => {
    void loadList();
    if (openId && (!change?.chat || change.chat === openId)) void reread();
  });

  let loaded = false;
  async function show() {
    if (!loaded) {
      loaded = true;
      await loadList();
    }
  }

  return {
    element,
    focus: () => (form ? form.focus() : (openId ? text : search).focus()),
    escape: () => (form ? closeForm(true) : openId ? close() : undefined),
    show,
    /** Reads the list again (after a sync). */
    reload: loadList,
    /** Opens a chat by id (a clicked notification, a contact's Chat, a new chat). */
    async openChat(id) {
      if (form) closeForm(false);
      await open(id);
    },
  };
}
