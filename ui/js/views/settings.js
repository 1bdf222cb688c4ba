// Settings: Account, Calling (with the call lists' countdown and the dial-from-anywhere
// shortcut, which says when the desktop would not let ringdesk take it; a setting the
// organization's policy locks is disabled and says "Set by your organization"), Do not call (the numbers ringdesk never dials: Remove each, Add
// one), Messaging (with the notifications, Text back's quick replies and the agent's own SMS
// templates), Desktop, Integrations (SuiteDash and the webhook, see integrations-editor.js) and
// Status, each a group of real controls that save at once (the quick
// replies with "Save replies", a template with its Save); the status panel explains the
// connection and offers "Reset connection".

import { h, replaceChildren } from '../lib/dom.js';
import { statusFacts } from '../lib/status.js';
import { createDoNotCallEditor } from './do-not-call-editor.js';
import { createIntegrationsEditor } from './integrations-editor.js';
import { createQuickRepliesEditor } from './quick-replies-editor.js';
import { createTemplatesEditor } from './sms-templates-editor.js';

export const settingsView = { id: 'settings', label: 'Settings', icon: 'settings', create };

/** The rows of the About panel, from `app_info`. Pure, for tests. */
export function aboutFacts(info) {
  if (!info) return [];
  return [
    ['Profile', info.profile],
    ['Mode', info.mode === 'demo' ? 'Demo (built-in RingCentral simulator)' : 'RingCentral account'],
    ['Server', info.server ?? 'Simulator on this computer'],
    ['Data folder', info.dataDir],
    ['Version', info.version],
  ];
}

/** Words for who opens a scheme's links. */
const HANDLER_WORDS = {
  ringdesk: () => 'ringdesk',
  other: (h) => h.app || 'Another app',
  nobody: () => 'No app',
  unknown: () => 'Chosen in system settings',
};

/** The rows of the link-handler list: [scheme label, who opens it]. Pure, for tests. */
export function handlerRows(status) {
  if (!status?.schemes) return [];
  return status.schemes.map(({ scheme, handler }) => [
    scheme === 'ringdesk' ? 'ringdesk: (sign-in)' : `${scheme}:`,
    (HANDLER_WORDS[handler?.state] ?? HANDLER_WORDS.unknown)(handler ?? {}),
  ]);
}

function create(ctx) {
  const { backend, store } = ctx;
  const controls = new Map();

  function select(key, label, options) {
    const el = h('select', { id: `setting-${key}`, onChange: () => save({ [key]: el.value }) });
    controls.set(key, { el, options, kind: 'select' });
    return h('div', { class: 'field' }, h('label', { for: `setting-${key}` }, label), el);
  }
  function toggle(key, label) {
    const el = h('input', { id: `setting-${key}`, type: 'checkbox', onChange: () => save({ [key]: el.checked }) });
    controls.set(key, { el, kind: 'toggle' });
    return h('div', { class: 'field toggle' }, el, h('label', { for: `setting-${key}` }, label));
  }
  function number(key, label, { min, max }) {
    const el = h('input', { id: `setting-${key}`, type: 'number', min: String(min), max: String(max), step: '1', inputmode: 'numeric', onChange: () => save({ [key]: Math.max(min, Math.min(max, Math.round(Number(el.value) || 0))) }) });
    controls.set(key, { el, kind: 'number' });
    return h('div', { class: 'field' }, h('label', { for: `setting-${key}` }, label), el);
  }
  function text(key, label, placeholder) {
    const el = h('input', { id: `setting-${key}`, type: 'text', placeholder, autocomplete: 'off', onChange: () => save({ [key]: el.value.trim() }) });
    controls.set(key, { el, kind: 'text' });
    return h('div', { class: 'field' }, h('label', { for: `setting-${key}` }, label), el);
  }

  async function save(patch) {
    try {
      render(await backend.saveSettings(patch));
      if ('dialShortcut' in patch) await refreshShortcut();
    } catch (error) {
      ctx.toast(error.message, error.hint, 'error');
    }
  }

  // Saved replies are Text back's at once: the line in the store carries them.
  const replies = createQuickRepliesEditor(ctx, (settings) => {
    render(settings);
    const line = store.get().line;
    if (line && Array.isArray(settings?.quickReplies)) store.update({ line: { ...line, quickReplies: settings.quickReplies } });
  });

  // Personal SMS templates: each change also reaches the composer's Templates list.
  const templates = createTemplatesEditor(ctx);

  // The do-not-call list, read each time Settings is shown.
  const doNotCall = createDoNotCallEditor(ctx);

  // CRM links (SuiteDash, the webhook), read each time Settings is shown.
  const integrations = createIntegrationsEditor(ctx);

  // Whether the desktop let ringdesk take the shortcut (never silently not: Wayland says so).
  const shortcutState = h('p', { id: 'shortcut-state', class: 'muted shortcut-state', role: 'status' });
  async function refreshShortcut() {
    try {
      const status = await backend.dialShortcutStatus();
      shortcutState.textContent = status.problem ?? (status.active ? `${status.shortcut} dials the number selected in any app.` : 'No shortcut.');
      shortcutState.dataset.problem = String(Boolean(status.problem));
    } catch (error) {
      shortcutState.textContent = error.message;
    }
  }

  const account = h('dl', { class: 'facts' });
  const signOut = h('button', { type: 'button', onClick: () => void doSignOut() }, 'Sign out');
  const statusList = h('dl', { class: 'facts' });
  const reset = h('button', { type: 'button', onClick: () => void resetConnection() }, 'Reset connection');
  const about = h('dl', { class: 'facts' });
  const handlers = h('dl', { class: 'facts handler-facts', 'aria-label': 'Apps that open phone links' });
  const handlerAdvice = h('p', { class: 'muted handler-advice' });
  const makeHandler = h('button', { type: 'button', hidden: true, onClick: () => void makeDefaultHandler() }, 'Make ringdesk the handler');

  const element = h(
    'section',
    { class: 'view settings', 'aria-labelledby': 'settings-title' },
    h('h1', { id: 'settings-title' }, 'Settings'),
    panel('Account', account, signOut),
    panel(
      'Calling',
      select('ringMeAt', 'Ring me at', []),
      select('callerId', 'Caller ID', []),
      text('country', 'Default country (for numbers without +)', 'Account home country'),
      select('linkAction', 'When I click a phone link', [
        { value: 'prefill', label: 'Show the number, I press Call' },
        { value: 'dial', label: 'Call at once' },
      ]),
      number('listCountdownSecs', 'Call lists: seconds before the next call (0: only Next)', { min: 0, max: 600 }),
      text('dialShortcut', 'Dial the selected number from any app (shortcut; empty: none)', 'Ctrl+Alt+D'),
      shortcutState,
    ),
    h('div', { class: 'panel dnc-panel' }, h('h2', { id: 'dnc-title' }, 'Do not call'), doNotCall.element),
    panel(
      'Messaging',
      select('smsSender', 'Send texts from', []),
      h('h3', { class: 'subhead' }, 'Notifications'),
      toggle('notifications', 'Desktop notifications for new texts'),
      toggle('callAlerts', 'Pop up incoming calls'),
      toggle('missedCallAlerts', 'Notify missed calls'),
      toggle('doNotDisturb', 'Do not disturb'),
      replies.element,
      templates.element,
    ),
    panel(
      'Desktop',
      h('h3', { class: 'subhead' }, 'Phone links'),
      handlers,
      handlerAdvice,
      makeHandler,
      toggle('startAtLogin', 'Start ringdesk when I log in'),
      toggle('closeToTray', 'Keep running in the tray when the window is closed'),
      select('theme', 'Theme', [
        { value: 'system', label: 'Follow the system' },
        { value: 'light', label: 'Light' },
        { value: 'dark', label: 'Dark' },
      ]),
    ),
    h('div', { class: 'panel integrations-panel' }, h('h2', { id: 'integrations-title' }, 'Integrations'), integrations.element),
    panel('Status', statusList, reset),
    panel('About this ringdesk', about),
  );

  function render(settings) {
    if (!settings) return;
    for (const [key, control] of controls) {
      const value = settings[key];
      if (control.kind === 'toggle') control.el.checked = Boolean(value);
      else if (control.kind === 'select') {
        const options = settings.choices?.[key] ?? control.options;
        replaceChildren(control.el, options.length ? options.map((o) => h('option', { value: o.value, selected: o.value === value }, o.label)) : h('option', { value: '' }, 'Account default'));
        control.el.disabled = options.length === 0;
      } else control.el.value = value ?? '';
    }
    showLocked(settings);
    if (Array.isArray(settings.quickReplies)) replies.show(settings.quickReplies);
    document.documentElement?.setAttribute?.('data-theme', settings.theme ?? 'system');
  }

  /** Settings the organization's policy locks: disabled, saying so (and where it is set). */
  function showLocked(settings) {
    const locked = new Set((settings.locked ?? []).map(lockedKey));
    for (const [key, control] of controls) {
      const field = control.el.parentNode;
      let note = field?.querySelector?.('.locked-note') ?? control.note;
      if (!locked.has(key)) {
        if (note && !note.hidden) {
          note.hidden = true;
          if (control.kind !== 'select') control.el.disabled = false;
        }
        continue;
      }
      control.el.disabled = true;
      if (!note) {
        note = h('span', { class: 'locked-note muted', id: `setting-${key}-locked` }, 'Set by your organization');
        control.note = note;
        field?.appendChild(note);
        control.el.setAttribute('aria-describedby', note.id);
      }
      note.hidden = false;
      note.title = settings.policyFile ? `Set in ${settings.policyFile}` : '';
    }
  }

  async function refreshStatus() {
    try {
      replaceChildren(statusList, statusFacts(await backend.status()).map(([t, d]) => [h('dt', {}, t), h('dd', {}, d)]));
    } catch (error) {
      replaceChildren(statusList, h('dt', {}, 'Status'), h('dd', {}, error.message));
    }
  }

  function renderHandler(status) {
    replaceChildren(handlers, handlerRows(status).map(([t, d]) => [h('dt', {}, t), h('dd', {}, d)]));
    handlerAdvice.textContent = status?.advice ?? '';
    makeHandler.hidden = !status || status.isDefault || status.action === 'explain';
  }

  async function refreshHandler() {
    try {
      renderHandler(await backend.handlerStatus());
    } catch (error) {
      renderHandler(null);
      handlerAdvice.textContent = `${error.message} ${error.hint}`;
    }
  }

  async function makeDefaultHandler() {
    makeHandler.disabled = true;
    try {
      const status = await backend.makeDefaultHandler();
      renderHandler(status);
      if (status.action === 'register') ctx.toast(status.isDefault ? 'ringdesk now opens phone links' : status.advice);
    } catch (error) {
      ctx.toast(error.message, error.hint, 'error');
    } finally {
      makeHandler.disabled = false;
    }
  }

  async function doSignOut() {
    try {
      store.update({ session: await backend.signOut() });
    } catch (error) {
      ctx.toast(error.message, error.hint, 'error');
    }
  }

  async function resetConnection() {
    try {
      store.update({ session: await backend.resetConnection() });
      ctx.toast('Connection reset');
      await refreshStatus();
    } catch (error) {
      ctx.toast(error.message, error.hint, 'error');
    }
  }

  store.subscribe(({ info, session }) => {
    replaceChildren(about, aboutFacts(info).map(([t, d]) => [h('dt', {}, t), h('dd', {}, d)]));
    const user = session?.user;
    replaceChildren(
      account,
      user ? [h('dt', {}, 'Signed in as'), h('dd', {}, `${user.name} (ext. ${user.extensionNumber})`)] : [h('dt', {}, 'Signed in as'), h('dd', {}, 'Not signed in')],
      h('dt', {}, 'Profile'),
      h('dd', {}, info?.profile ?? ''),
      h('dt', {}, 'Server'),
      h('dd', {}, info?.server ?? 'Simulator on this computer'),
    );
    signOut.hidden = session?.state !== 'signed_in';
  });

  return {
    element,
    focus: () => {},
    /** Settings changed elsewhere (the tray's Do not disturb). */
    update: render,
    async show() {
      try {
        render(await backend.settings());
      } catch (error) {
        ctx.toast(error.message, error.hint, 'error');
      }
      await Promise.all([refreshStatus(), refreshHandler(), refreshShortcut(), templates.show(), doNotCall.show(), integrations.show()]);
    },
  };
}

/** A locked setting's name in the policy (`start_at_login`) → its control's key (`startAtLogin`). */
export function lockedKey(name) {
  return String(name).replace(/_([a-z])/g, (_, c) => c.toUpperCase());
}

function panel(title, ...children) {
  return h('div', { class: 'panel' }, h('h2', {}, title), ...children);
}
