// The incoming-call banner, above every view: who is calling (the core's words, as the desktop
// notification says them), their last call and last text, and what to do — open the contact,
// text back, reject (with Call Control), copy the number, add an unknown caller to SuiteDash. Esc dismisses it; it turns into an
// "On the call with …" line when answered and leaves when the call ends.

import { h, icon, replaceChildren } from '../lib/dom.js';
import { lastCallWords, lastTextWords } from '../lib/caller.js';
import { createQuickReplies } from './quick-replies.js';
import { offersSuiteDash } from '../lib/crm.js';

/**
 * @param {{ backend: any, store: any, toast: Function, line: any,
 *           openContact: (id: number) => unknown, findContact: (number: string) => unknown,
 *           focusView: () => void }} ctx
 */
export function createIncoming(ctx) {
  const { backend, store, toast } = ctx;
  let alert = null; // the call-alert shown
  let phase = 'ringing'; // 'ringing' | 'rejected' | 'connected' | 'on_hold'

  const title = h('strong', { class: 'incoming-title' });
  const who = h('span', { class: 'incoming-who' });
  const number = h('span', { class: 'incoming-number muted' });
  const facts = h('ul', { class: 'incoming-facts', 'aria-label': 'About the caller' });
  const openButton = h('button', { type: 'button', onClick: () => void openContact() }, 'Open contact');
  const textButton = h('button', { type: 'button', 'aria-expanded': 'false', 'aria-controls': 'incoming-replies', onClick: () => void toggleReplies() }, 'Text back');
  const rejectButton = h('button', { type: 'button', class: 'danger', onClick: () => void reject() }, 'Reject');
  const copyButton = h('button', { type: 'button', onClick: () => void copyNumber() }, 'Copy number');
  const suitedashButton = h('button', { type: 'button', hidden: true, onClick: () => void (alert && ctx.addToSuiteDash(alert.number, '')) }, 'Add to SuiteDash');
  const dismissButton = h('button', { type: 'button', class: 'icon-button small incoming-dismiss', 'aria-label': 'Dismiss', title: 'Dismiss (Esc)', onClick: () => dismiss() }, icon('close'));
  const replies = createQuickReplies(ctx, () => {
    textButton.setAttribute('aria-expanded', 'false');
    textButton.focus();
  });
  const actions = h('div', { class: 'incoming-actions' }, openButton, textButton, rejectButton, copyButton, suitedashButton);
  const element = h(
    'div',
    { class: 'incoming', role: 'region', 'aria-label': 'Incoming call', hidden: true },
    h('div', { class: 'incoming-head' }, h('div', { class: 'incoming-who-line', 'aria-live': 'assertive' }, title, ' ', who, ' ', number), dismissButton),
    facts,
    actions,
    replies.element,
  );

  /** Shows a `call-alert` of kind `incoming`, then what the cache knows of the caller. */
  function show(next) {
    alert = next;
    phase = 'ringing';
    replies.reset();
    textButton.setAttribute('aria-expanded', 'false');
    replaceChildren(facts);
    replaceChildren(openButton, next.contactId != null ? 'Open contact' : 'Add contact');
    element.hidden = false;
    render();
    void loadCaller(next);
    // Reject needs the line (Call Control); read it now if it is not known yet.
    ctx.line.get().then(render, () => {});
  }

  async function loadCaller(shown) {
    try {
      const caller = await backend.caller(shown.number, shown.sessionId);
      if (alert !== shown) return;
      const lines = [lastCallWords(caller?.lastCall), lastTextWords(caller?.lastText)].filter(Boolean);
      replaceChildren(facts, (lines.length ? lines : ['No earlier calls or texts with this number.']).map((line) => h('li', {}, line)));
    } catch {
      // The banner works without history: nothing to add.
    }
  }

  function render() {
    if (!alert) return;
    const compact = phase === 'connected' || phase === 'on_hold';
    element.dataset.phase = phase;
    replaceChildren(title, compact ? (phase === 'on_hold' ? 'On hold with' : 'On the call with') : phase === 'rejected' ? 'Sent to voicemail:' : alert.title);
    replaceChildren(who, alert.body);
    replaceChildren(number, alert.contactId != null && !compact ? alert.number : '');
    facts.hidden = compact;
    actions.hidden = compact;
    if (compact) replies.close();
    rejectButton.hidden = !(phase === 'ringing' && store.get().line?.callControl === true);
    suitedashButton.hidden = !offersSuiteDash(store.get(), alert.contactId);
  }

  function hide() {
    const hadFocus = contains(element, element.ownerDocument?.activeElement);
    alert = null;
    replies.reset();
    element.hidden = true;
    if (hadFocus) ctx.focusView();
  }

  function dismiss() {
    if (alert) hide();
  }

  function openContact() {
    if (!alert) return;
    if (alert.contactId != null) return ctx.openContact(alert.contactId);
    // No contact yet: the new-contact form with the number (the list searched for it beside).
    return ctx.findContact(alert.number);
  }

  async function toggleReplies() {
    if (!alert) return;
    if (replies.isOpen) {
      replies.close();
      textButton.setAttribute('aria-expanded', 'false');
      return;
    }
    textButton.setAttribute('aria-expanded', 'true');
    await replies.open(alert.number);
  }

  async function reject() {
    if (!alert || phase !== 'ringing' || rejectButton.disabled) return;
    const shown = alert;
    rejectButton.disabled = true;
    try {
      await backend.rejectCall();
      if (alert === shown) {
        phase = 'rejected';
        render();
        textButton.focus();
      }
      toast('Sent to voicemail');
    } catch (error) {
      toast(error.message, error.hint, 'error');
    } finally {
      rejectButton.disabled = false;
    }
  }

  async function copyNumber() {
    if (!alert) return;
    const text = alert.number;
    const clipboard = globalThis.navigator?.clipboard;
    try {
      if (!clipboard?.writeText) throw new Error('no clipboard');
      await clipboard.writeText(text);
      toast('Number copied', text);
    } catch {
      toast(`The number is ${text}`, 'ringdesk could not reach the clipboard: copy it from here.', 'info');
    }
  }

  backend.on?.('call-alert', (next) => {
    if (next?.kind === 'incoming') show(next);
    // Missed: the call is over (should its end not have come first).
    else if (alert && next?.sessionId === alert.sessionId) hide();
  });
  backend.on?.('live-call', (event) => {
    const call = event?.call;
    if (!alert || call?.sessionId !== alert.sessionId) return;
    if (event.change === 'ended' || call.state === 'ended') return hide();
    if (call.state === 'connected' || call.state === 'on_hold') {
      phase = call.state;
      render();
    }
  });
  store.subscribe(() => alert && render());

  return {
    element,
    show,
    /** Esc: dismisses the banner; false when there was none. */
    escape() {
      if (!alert) return false;
      hide();
      return true;
    },
    get visible() {
      return alert !== null;
    },
  };
}

/** Whether `node` is `root` or inside it. */
function contains(root, node) {
  for (let n = node; n; n = n.parentNode) if (n === root) return true;
  return false;
}
