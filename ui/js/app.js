// The app frame: status strip, navigation rail, call bar slot, content and toasts.
// Views are created once and kept, so switching never loses what the agent typed.

import { h, icon, replaceChildren } from './lib/dom.js';
import { shortcutFor } from './lib/keyboard.js';
import { describeStatus } from './lib/status.js';
import { createStore } from './lib/store.js';
import { dialView } from './views/dial.js';
import { contactsView, historyView, messagesView } from './views/placeholders.js';
import { settingsView } from './views/settings.js';

/** Rail order; Ctrl/Cmd+1…5 follow it. */
export const VIEWS = [dialView, historyView, messagesView, contactsView, settingsView];

/**
 * Builds the frame into `root` and returns a handle.
 * @param {HTMLElement} root
 * @param {ReturnType<import('./backend.js').connectBackend>} backend
 */
export function createApp(root, backend) {
  const store = createStore({ info: null, error: null, view: 'dial' });
  const ctx = { backend, store, toast: (message, hint, kind) => toast(toasts, message, hint, kind) };

  const dot = h('span', { class: 'status-dot', 'aria-hidden': 'true', dataset: { health: 'unknown' } });
  const profile = h('span', { class: 'status-profile' });
  const text = h('span', { class: 'status-text', role: 'status', 'aria-live': 'polite' });
  const demo = h('span', { class: 'badge-demo', hidden: true, title: 'Demo mode: the built-in RingCentral simulator, not a real account' }, 'DEMO');
  const strip = h('header', { class: 'status-strip' }, dot, profile, text, demo);

  const views = new Map(VIEWS.map((view) => [view.id, view.create(ctx)]));
  const buttons = new Map(
    VIEWS.map((view) => [
      view.id,
      h('button', { type: 'button', 'aria-label': view.label, dataset: { view: view.id }, onClick: () => show(view.id) }, icon(view.icon), h('span', { 'aria-hidden': 'true' }, view.label)),
    ]),
  );
  const rail = h('nav', { class: 'rail', 'aria-label': 'Main' }, [...buttons.values()]);
  const content = h('main', { class: 'content', tabindex: '-1' }, [...views.values()].map((v) => v.element));
  const callBar = h('div', { class: 'call-bar', hidden: true });
  const toasts = h('div', { class: 'toasts', 'aria-live': 'polite' });
  replaceChildren(root, strip, rail, callBar, content, toasts);

  function show(id) {
    for (const [viewId, view] of views) view.element.hidden = viewId !== id;
    for (const [viewId, button] of buttons) {
      if (viewId === id) button.setAttribute('aria-current', 'page');
      else button.removeAttribute('aria-current');
    }
    store.update({ view: id });
    views.get(id)?.focus();
  }

  function renderStatus(state) {
    const status = describeStatus(state);
    dot.dataset.health = status.health;
    profile.textContent = status.profile;
    text.textContent = status.text;
    demo.hidden = !status.demo;
  }
  store.subscribe(renderStatus);
  renderStatus(store.get());

  root.ownerDocument?.addEventListener?.('keydown', (event) => {
    const action = shortcutFor(event, VIEWS.map((v) => v.id));
    if (!action) return;
    event.preventDefault();
    if (action.type === 'view') show(action.id);
    else if (action.type === 'search') views.get(store.get().view)?.focus();
    else if (action.type === 'escape') views.get(store.get().view)?.escape?.();
  });

  return {
    store,
    show,
    /** Shows the dial view with focus, then loads the app's facts. */
    async start() {
      show('dial');
      try {
        store.update({ info: await backend.appInfo(), error: null });
      } catch (error) {
        store.update({ error });
        ctx.toast(error.message, error.hint, 'error');
      }
    },
  };
}

function toast(container, message, hint = '', kind = 'info') {
  const el = h('div', { class: 'toast', role: kind === 'error' ? 'alert' : 'status', dataset: { kind } }, message, hint ? h('span', { class: 'hint' }, hint) : null);
  container.appendChild(el);
  setTimeout(() => el.remove?.(), kind === 'error' ? 8000 : 4000);
}
