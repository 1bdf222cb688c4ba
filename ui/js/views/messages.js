// Messages: conversations (unread counts, last message) and a thread with bubbles, delivery
// status, day separators and a composer (sender picker, 1000-unit counter, segments, templates).
// A customer who opted out (replied STOP) is named over the composer and Send is off.
// Two panes from 640 px; narrower, the list opens a thread. Every text is rendered as text.

import { h, icon, replaceChildren } from '../lib/dom.js';
import { offersSuiteDash } from '../lib/crm.js';
import { dayKey, dayLabel, formatTime } from '../lib/format.js';
import { latest } from '../lib/debounce.js';
import { counterText, deliveryWords, optOutNotice, withTemplate } from '../lib/sms.js';
import { createTemplatePicker } from './sms-templates.js';

export const messagesView = { id: 'messages', label: 'Messages', icon: 'messages', create };

function create(ctx) {
  const { backend } = ctx;
  let openNumber = null;
  let optedOut = null; // why texts to the open thread are refused, when they are
  let tooLong = false;
  let sending = false;

  // Conversation list
  const search = h('input', { id: 'messages-search', type: 'search', placeholder: 'Search conversations', autocomplete: 'off' });
  const rows = h('ul', { class: 'conversations', 'aria-label': 'Conversations' });
  const newTo = h('input', { id: 'new-to', type: 'tel', placeholder: 'Number', autocomplete: 'off' });
  const newForm = h(
    'form',
    { class: 'new-message', onSubmit: (e) => { e.preventDefault(); if (newTo.value.trim()) void open(newTo.value.trim()); } },
    h('label', { for: 'new-to', class: 'visually-hidden' }, 'New message to'),
    newTo,
    h('button', { type: 'submit' }, 'New message'),
  );
  const listPane = h(
    'div',
    { class: 'pane conversation-pane' },
    h('div', { class: 'view-header' }, h('h1', { id: 'messages-title' }, 'Messages')),
    h('label', { for: 'messages-search', class: 'visually-hidden' }, 'Search conversations'),
    search,
    newForm,
    rows,
  );

  // Thread
  const title = h('h2', { class: 'thread-title' });
  const subtitle = h('span', { class: 'muted' });
  const bubbles = h('ol', { class: 'bubbles', 'aria-label': 'Messages in this conversation', 'aria-live': 'polite' });
  const sender = h('select', { id: 'sms-from' });
  const text = h('textarea', { id: 'sms-text', rows: '2', 'aria-label': 'Message', placeholder: 'Write a message' });
  const counter = h('span', { class: 'sms-counter', 'aria-live': 'polite' });
  const send = h('button', { type: 'button', class: 'send-button', 'aria-label': 'Send', onClick: () => void sendNow() }, icon('send'), 'Send');
  const optOut = h('p', { id: 'sms-opted-out', class: 'opt-out-notice', role: 'status', hidden: true });
  const templates = createTemplatePicker(ctx, (chosen) => insertTemplate(chosen));
  const back = h('button', { type: 'button', class: 'icon-button', 'aria-label': 'Back to conversations', onClick: () => close() }, icon('back'));
  const callButton = h('button', { type: 'button', class: 'icon-button', 'aria-label': 'Call', onClick: () => openNumber && ctx.dial(openNumber, true) }, icon('call'));
  const suitedashButton = h('button', { type: 'button', class: 'icon-button', 'aria-label': 'Add to SuiteDash', hidden: true, onClick: () => openNumber && void ctx.addToSuiteDash(openNumber, openName) }, icon('contacts'));
  let openName = '';
  const threadPane = h(
    'div',
    { class: 'pane thread-pane', hidden: true },
    h('div', { class: 'thread-header' }, back, h('div', { class: 'thread-who' }, title, subtitle), suitedashButton, callButton),
    bubbles,
    h(
      'div',
      { class: 'composer' },
      optOut,
      h('div', { class: 'composer-meta' }, h('label', { for: 'sms-from' }, 'From'), sender, counter, templates.element),
      h('div', { class: 'composer-row' }, text, send),
    ),
  );

  const element = h('section', { class: 'view messages', 'aria-labelledby': 'messages-title' }, listPane, threadPane);

  const fetchList = latest((q) => backend.conversations(q));
  async function loadList() {
    const answer = await fetchList(search.value.trim());
    if (answer.stale) return;
    if (answer.error) return ctx.toast(answer.error.message, answer.error.hint, 'error');
    // The list may be filtered by the search: the unread badge comes from the core's
    // `messages` events (every conversation in the cache), never from this list.
    const list = answer.value;
    replaceChildren(
      rows,
      list.length === 0 ? h('li', { class: 'empty' }, 'No conversations yet.') : list.map((c) => conversationRow(c)),
    );
  }

  function conversationRow(c) {
    return h(
      'li',
      {},
      h(
        'button',
        { type: 'button', class: 'conversation', 'aria-current': c.number === openNumber ? 'true' : null, onClick: () => void open(c.number) },
        h('span', { class: 'conversation-top' }, h('span', { class: 'conversation-name' }, c.name || c.display), h('span', { class: 'muted' }, formatTime(c.lastTime))),
        h('span', { class: 'conversation-bottom' }, h('span', { class: 'conversation-last' }, c.lastText), c.unread ? h('span', { class: 'badge', 'aria-label': `${c.unread} unread` }, String(c.unread)) : null),
      ),
    );
  }

  const fetchThread = latest((n) => backend.thread(n));
  /** Opens (or reloads) the thread with `number`; `quiet`: a failed read raises no toast. */
  async function open(number, quiet = false) {
    const answer = await fetchThread(number);
    if (answer.stale) return;
    if (answer.error) return quiet ? undefined : ctx.toast(answer.error.message, answer.error.hint, 'error');
    const thread = answer.value;
    if (thread.number !== openNumber) templates.close(false);
    openNumber = thread.number;
    element.dataset.open = 'true';
    threadPane.hidden = false;
    replaceChildren(title, thread.name || thread.display);
    replaceChildren(subtitle, thread.name ? thread.display : '');
    openName = thread.name ?? '';
    suitedashButton.hidden = !offersSuiteDash(ctx.store?.get(), thread.contactId);
    renderBubbles(thread.messages);
    fillSenders(thread.senders, thread.sender);
    showOptOut(thread.optedOut ?? null);
    text.focus();
    if (thread.unread > 0) {
      backend.markRead(thread.number).then(loadList, (e) => ctx.toast(e.message, e.hint, 'error'));
    } else {
      void loadList();
    }
  }

  function close() {
    templates.close(false);
    openNumber = null;
    element.dataset.open = 'false';
    threadPane.hidden = true;
    search.focus();
  }

  function renderBubbles(messages) {
    let day = null;
    const items = [];
    for (const m of messages) {
      const key = dayKey(m.time);
      if (key !== day) {
        day = key;
        items.push(h('li', { class: 'day-separator' }, dayLabel(key)));
      }
      items.push(bubble(m));
    }
    replaceChildren(bubbles, items);
    bubbles.lastChild?.scrollIntoView?.({ block: 'end' });
  }

  function bubble(m) {
    const status = deliveryWords(m);
    return h(
      'li',
      { class: 'bubble', dataset: { direction: m.direction === 'Inbound' ? 'in' : 'out', status: status.tone } },
      h('p', { class: 'bubble-text' }, m.text),
      h(
        'span',
        { class: 'bubble-meta' },
        formatTime(m.time),
        status.words ? h('span', { class: 'delivery', title: status.words }, ` · ${status.words}`) : null,
        m.pending && m.outboxId != null
          ? h('button', { type: 'button', class: 'link-button', onClick: () => void cancelPending(m.outboxId) }, 'Cancel')
          : null,
      ),
    );
  }

  function fillSenders(list = [], selected = null) {
    replaceChildren(sender, list.length ? list.map((s) => h('option', { value: s.value, selected: s.value === selected }, s.label)) : h('option', { value: '' }, 'No SMS number'));
    sender.disabled = list.length === 0;
  }

  /** The opt-out notice over the composer; Send and the templates are off while it shows. */
  function showOptOut(words) {
    optedOut = words;
    optOut.textContent = words ? optOutNotice(words) : '';
    optOut.hidden = !words;
    if (words) send.setAttribute('aria-describedby', optOut.id);
    else send.removeAttribute('aria-describedby');
    templates.block(words ? optOut.id : null);
    syncSend();
  }

  function syncSend() {
    send.disabled = sending || Boolean(optedOut) || tooLong || text.value.trim() === '';
  }

  const measure = latest((t) => backend.measureSms(t));
  async function updateCounter() {
    const answer = await measure(text.value);
    if (answer.stale) return;
    if (answer.error) return syncSend(); // no count; Send still follows the draft
    counter.textContent = counterText(answer.value);
    counter.dataset.over = String(answer.value.tooLong);
    tooLong = answer.value.tooLong;
    syncSend();
  }

  /** A chosen template: it replaces an empty draft or follows the draft after a space. */
  function insertTemplate(chosen) {
    text.value = withTemplate(text.value, chosen);
    text.focus();
    text.setSelectionRange?.(text.value.length, text.value.length);
    void updateCounter();
  }

  async function sendNow() {
    const body = text.value;
    const to = openNumber;
    if (!to || body.trim() === '' || send.disabled) return;
    sending = true;
    syncSend();
    try {
      const sent = await backend.sendSms(to, body, sender.value || undefined);
      text.value = '';
      ctx.toast(sent.pending ? 'Saved — it will be sent when ringdesk is back online' : 'SMS sent');
      await open(openNumber);
    } catch (error) {
      ctx.toast(error.message, error.hint, 'error');
      // The customer may have opted out since the thread was read: the reload names it.
      if (openNumber === to) await open(to, true);
    } finally {
      sending = false;
      void updateCounter();
    }
  }

  async function cancelPending(id) {
    try {
      await backend.cancelOutbox(id);
      if (openNumber) await open(openNumber);
    } catch (error) {
      ctx.toast(error.message, error.hint, 'error');
    }
  }

  text.addEventListener('input', () => void updateCounter());
  text.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && !event.shiftKey) {
      event.preventDefault();
      void sendNow();
    }
  });
  search.addEventListener('input', () => void loadList());
  backend.on?.('messages', (change) => {
    void loadList();
    if (openNumber && (!change?.number || change.number === openNumber)) void open(openNumber);
  });

  let loaded = false;
  return {
    element,
    focus: () => (openNumber ? text.focus() : search.focus()),
    escape: () => {
      if (templates.isOpen) templates.close();
      else if (openNumber) close();
    },
    async show() {
      if (!loaded) {
        loaded = true;
        await loadList();
      }
    },
    /** Opens the thread with `number`, the composer prefilled with `body` (never sent by itself). */
    async compose(number, body = '') {
      await open(number);
      if (body) {
        text.value = body;
        void updateCounter();
      }
    },
    loadList,
  };
}
