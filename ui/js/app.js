// The app frame: status strip (with presence and the "to wrap up" count), navigation rail, call
// bar, incoming-call banner, wrap-up card, sign-in, content and toasts, wired to the backend's
// state and events. Views are created once and kept, so switching never loses what the agent
// typed. `ctx` lets views reach each other (dial a number, text it, open a contact, open a team
// chat or the direct chat with a colleague, wrap up a call from History, bring numbers to a call
// list). A saved wrap-up refreshes History's follow-ups and lets a call list go on.

import { createLine } from './line.js';
import { h, icon, replaceChildren } from './lib/dom.js';
import { shortcutFor } from './lib/keyboard.js';
import { applyLiveCall } from './lib/live-calls.js';
import { describeStatus } from './lib/status.js';
import { createStore } from './lib/store.js';
import { addToSuiteDash } from './lib/crm.js';
import { createCallBar } from './views/call-bar.js';
import { chatsView } from './views/chats.js';
import { contactsView } from './views/contacts.js';
import { dialView } from './views/dial.js';
import { historyView } from './views/history.js';
import { listsView } from './views/lists.js';
import { createIncoming } from './views/incoming.js';
import { messagesView } from './views/messages.js';
import { createPresence } from './views/presence.js';
import { settingsView } from './views/settings.js';
import { createSignIn } from './views/sign-in.js';
import { createWrapUp } from './views/wrap-up.js';

/** Rail order. */
export const VIEWS = [dialView, historyView, messagesView, chatsView, contactsView, listsView, settingsView];
/** Ctrl/Cmd+1…7: the first five as before Chats came, Chats sixth, Lists seventh. */
export const SHORTCUT_ORDER = ['dial', 'history', 'messages', 'contacts', 'settings', 'chats', 'lists'];

/**
 * Builds the frame into `root` and returns a handle.
 * @param {HTMLElement} root
 * @param {ReturnType<import('./backend.js').connectBackend>} backend
 */
export function createApp(root, backend) {
  const store = createStore({
    info: null, session: null, connection: null, call: null, sync: null, unread: 0, error: null, view: 'dial',
    // The agent's line (LineView), the live calls (`live-call` events), missed calls not yet seen.
    line: null, liveCalls: [], missed: 0,
    // Unread team chat posts (the Chats view counts them).
    chatUnread: 0,
    // Calls still to wrap up (drafts; the status strip's count).
    wrapupsDue: 0,
    // SuiteDash is set up: *Add to SuiteDash* is offered for numbers without a contact.
    suitedash: false,
  });
  const toasts = h('div', { class: 'toasts', 'aria-live': 'polite' });
  const ctx = {
    backend,
    store,
    line: createLine({ backend, store }),
    /** A toast; `actions` ([{ label, run }]) become buttons that run and close it. */
    toast: (message, hint, kind, actions) => toast(toasts, message, hint, kind, actions),
    /** Shows the dial view with `number`, and calls it when `now`. */
    dial: (number, now = false) => {
      show('dial');
      return views.get('dial').fill(number, now);
    },
    /** Opens the conversation with `number`, the composer prefilled with `body`. */
    text: (number, body = '') => {
      show('messages');
      return views.get('messages').compose(number, body);
    },
    /** Opens a contact's page. */
    openContact: (id) => {
      show('contacts');
      return views.get('contacts').open(id);
    },
    /** Queues a SuiteDash lead for `number` (see lib/crm.js). */
    addToSuiteDash: (number, name) => addToSuiteDash(ctx, number, name),
    /** Shows Contacts searched for `number`. */
    findContact: (number) => {
      const found = views.get('contacts').find(number);
      show('contacts');
      return found;
    },
    /** Opens a team chat by id (a clicked chat notification, a new chat). */
    openChat: (id) => {
      show('chats');
      return views.get('chats').openChat(id);
    },
    /** Opens the direct chat with a colleague (Team Messaging person id), made if need be. */
    chatWith: async (personId) => {
      let chat;
      try {
        chat = await backend.newChat([personId]);
      } catch (error) {
        ctx.toast(error.message, error.hint, 'error');
        return;
      }
      await ctx.openChat(chat.id);
    },
    /** Opens the wrap-up card of a call in History (started as a draft when it has none). */
    wrapUpCall: async (callId) => {
      try {
        wrapUp.edit(await backend.wrapupForCall(callId));
        void wrapUp.refreshCount();
      } catch (error) {
        ctx.toast(error.message, error.hint, 'error');
      }
    },
    /** Whether the wrap-up card is open (a call list waits for it). */
    wrapUpOpen: () => wrapUp.visible,
    /** Brings numbers ([{ number, name, note }]) to Lists, to pick the list they go to. */
    addToList: (numbers) => {
      show('lists');
      views.get('lists').bring(numbers);
    },
    /** Puts focus back in the view shown (after a banner that had it leaves). */
    focusView: () => views.get(store.get().view)?.focus(),
  };

  const dot = h('span', { class: 'status-dot', 'aria-hidden': 'true', dataset: { health: 'unknown' } });
  const profile = h('span', { class: 'status-profile' });
  const text = h('span', { class: 'status-text', role: 'status', 'aria-live': 'polite' });
  const demo = h('span', { class: 'badge-demo', hidden: true, title: 'Demo mode: the built-in RingCentral simulator, not a real account' }, 'DEMO');
  const presence = createPresence(ctx);
  // The wrap-up card; its count sits in the status strip, always in sight.
  const wrapUp = createWrapUp(ctx, {
    onSaved: (saved) => {
      void views.get('history')?.followUps?.();
      void views.get('lists')?.wrapUpSaved?.(saved);
    },
  });
  const strip = h('header', { class: 'status-strip' }, dot, profile, text, wrapUp.countButton, presence.element, demo);

  const views = new Map(VIEWS.map((view) => [view.id, view.create(ctx)]));
  // A badge is seen as a number and heard as a description ("15 unread"): the button's
  // accessible name stays its label.
  const badges = new Map(VIEWS.map((view) => [view.id, h('span', { class: 'badge', 'aria-hidden': 'true', hidden: true })]));
  const spoken = new Map(VIEWS.map((view) => [view.id, h('span', { class: 'visually-hidden', id: `rail-${view.id}-badge` })]));
  const buttons = new Map(
    VIEWS.map((view) => [
      view.id,
      h(
        'button',
        { type: 'button', 'aria-label': view.label, 'aria-describedby': `rail-${view.id}-badge`, dataset: { view: view.id }, onClick: () => show(view.id) },
        icon(view.icon),
        h('span', { 'aria-hidden': 'true' }, view.label),
        badges.get(view.id),
        spoken.get(view.id),
      ),
    ]),
  );
  const rail = h('nav', { class: 'rail', 'aria-label': 'Main' }, [...buttons.values()]);
  const signIn = createSignIn(ctx);
  const content = h('main', { class: 'content', tabindex: '-1' }, signIn.element, [...views.values()].map((v) => v.element));
  const callBar = createCallBar(ctx);
  const incoming = createIncoming(ctx);
  replaceChildren(root, strip, rail, callBar.element, incoming.element, wrapUp.element, content, toasts);

  function show(id) {
    for (const [viewId, view] of views) view.element.hidden = viewId !== id;
    for (const [viewId, button] of buttons) {
      if (viewId === id) button.setAttribute('aria-current', 'page');
      else button.removeAttribute('aria-current');
    }
    store.update({ view: id });
    if (id === 'history') markHistorySeen();
    const view = views.get(id);
    view?.focus();
    void view?.show?.();
  }

  function renderStatus(state) {
    const status = describeStatus(state);
    dot.dataset.health = status.health;
    profile.textContent = status.profile;
    text.textContent = status.text;
    demo.hidden = !status.demo;
    badge('messages', state.unread, 'unread');
    badge('history', state.missed, 'missed');
    badge('chats', state.chatUnread, 'unread');
  }
  function badge(id, count, words) {
    const el = badges.get(id);
    el.hidden = !count;
    el.textContent = count > 99 ? '99+' : String(count || '');
    spoken.get(id).textContent = count ? `${count} ${words}` : '';
  }
  store.subscribe(renderStatus);
  renderStatus(store.get());
  // "retrying in 40 s" counts down.
  setInterval(() => store.get().connection?.retryAt && renderStatus(store.get()), 1000);

  function onLink(link) {
    if (link.kind === 'error') ctx.toast(link.message, link.hint, 'error');
    else if (link.kind === 'sms') void ctx.text(link.number, link.body ?? '');
    else if (link.kind === 'signed_in') ctx.toast('Signed in to RingCentral');
    // The backend has already placed the call when the agent chose "call at once".
    else if (link.kind === 'call') void ctx.dial(link.number, false);
    // "Call at once" held this number back (not an ordinary home number, or a burst of links):
    // it waits in the dial view with the reason.
    else if (link.kind === 'held') {
      void ctx.dial(link.number, false);
      ctx.toast(link.reason, '', 'info');
    }
  }

  /** A missed call: a toast to call or text back, the History badge, History reloaded. */
  function onCallAlert(alert) {
    if (alert?.kind !== 'missed') return;
    ctx.toast(`${alert.title} — ${alert.body}`, '', 'info', [
      { label: 'Call back', run: () => void ctx.dial(alert.number, true) },
      { label: 'Text', run: () => void ctx.text(alert.number) },
    ]);
    void views.get('history').refresh();
  }

  /**
   * The tray or a clicked notification: an incoming call's contact (or the number looked up in
   * Contacts), a text's conversation, a team chat, or a view.
   */
  function onNavigate(to) {
    if (to?.view === 'chats' && to.chat) void ctx.openChat(String(to.chat));
    else if (to?.view === 'contacts' && to.contact != null) void ctx.openContact(to.contact);
    else if (to?.view === 'contacts' && to.number) void ctx.findContact(to.number);
    else if (to?.number) void ctx.text(to.number);
    else if (to?.view && views.has(to.view)) show(to.view);
  }

  /** The core counts missed calls (the tray shows the same count); History open means seen. */
  function markHistorySeen() {
    store.update({ missed: 0 });
    backend.historySeen?.().catch?.(() => {});
  }

  /** The core's count of missed calls not seen yet. */
  function onMissedCalls(count) {
    if (store.get().view === 'history' && count > 0) markHistorySeen();
    else store.update({ missed: Number(count) || 0 });
  }

  root.ownerDocument?.addEventListener?.('keydown', (event) => {
    // A key a control already handled (the presence picker's Esc) is not a shortcut too.
    if (event.defaultPrevented) return;
    const action = shortcutFor(event, SHORTCUT_ORDER);
    if (!action) return;
    event.preventDefault();
    if (action.type === 'view') show(action.id);
    else if (action.type === 'search') views.get(store.get().view)?.focus();
    else if (action.type === 'escape') escape();
  });

  function escape() {
    const call = store.get().call;
    if (incoming.escape()) return;
    if (call?.cancellable) {
      backend.cancelCall(call.id).then((c) => store.update({ call: c }), (e) => ctx.toast(e.message, e.hint, 'error'));
    } else if (wrapUp.escape()) {
      // The wrap-up card was open: kept as a draft (Later), closed.
    } else {
      views.get(store.get().view)?.escape?.();
    }
  }

  return {
    store,
    show,
    /** Shows the dial view with focus, loads state, subscribes to events, then asks for links. */
    async start() {
      show('dial');
      backend.on('session', (session) => store.update(session?.state === 'signed_in' ? { session } : { session, liveCalls: [] }));
      backend.on('connection', (connection) => store.update({ connection }));
      backend.on('call', (call) => store.update({ call }));
      backend.on('sync', (sync) => store.update({ sync }));
      backend.on('messages', (change) => change?.unread !== undefined && store.update({ unread: change.unread }));
      backend.on('link', onLink);
      // The tray's Messages item, or a clicked notification (a sender's number, a chat).
      backend.on('navigate', onNavigate);
      backend.on('settings', (settings) => views.get('settings')?.update?.(settings));
      // Live calls (the call bar's Hang up / Hold), missed calls, presence from anywhere.
      backend.on('live-call', (event) => store.update({ liveCalls: applyLiveCall(store.get().liveCalls, event) }));
      backend.on('call-alert', onCallAlert);
      backend.on('missed-calls', onMissedCalls);
      backend.on('presence', (change) => ctx.line.presence(change));
      // Something the core cannot do in the background, such as reading a broken config.toml;
      // null once it is fixed.
      backend.on('problem', (problem) => {
        store.update({ error: problem ?? null });
        if (problem) ctx.toast(problem.message, problem.hint, 'error');
      });
      try {
        const [info, session] = await Promise.all([backend.appInfo(), backend.session()]);
        store.update({ info, session, error: null });
        backend.integrations().then((view) => store.update({ suitedash: Boolean(view?.suitedash) }), () => {});
        root.ownerDocument?.documentElement?.setAttribute?.('data-theme', info.theme ?? 'system');
        await backend.uiReady();
        // The rail's Chats badge, before the view is first opened.
        void views.get('chats').reload();
        // The dispositions and the count of calls to wrap up (the `wrap-up` event offers a card).
        await wrapUp.start();
      } catch (error) {
        store.update({ error });
        ctx.toast(error.message, error.hint, 'error');
      }
    },
  };
}

function toast(container, message, hint = '', kind = 'info', actions = []) {
  const buttons = (actions ?? []).map((action) =>
    h('button', { type: 'button', onClick: () => { el.remove?.(); action.run(); } }, action.label),
  );
  const el = h(
    'div',
    { class: 'toast', role: kind === 'error' ? 'alert' : 'status', dataset: { kind } },
    message,
    hint ? h('span', { class: 'hint' }, hint) : null,
    buttons.length ? h('span', { class: 'toast-actions' }, buttons) : null,
  );
  container.appendChild(el);
  // A toast with something to do stays long enough to do it.
  setTimeout(() => el.remove?.(), buttons.length ? 20000 : kind === 'error' ? 8000 : 4000);
}
