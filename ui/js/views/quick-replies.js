// Text back, in the incoming-call banner: the line's quick replies, each editable before it is
// sent to the caller with the ordinary SMS command. One text per press: Send is disabled while
// a text is on its way, so a double click never sends twice.

import { h, replaceChildren } from '../lib/dom.js';

/**
 * @param {{ backend: any, store: any, toast: Function, line: { get: () => Promise<any> } }} ctx
 * @param {() => void} [onSent] after a text went (the banner puts focus back on Text back)
 */
export function createQuickReplies({ backend, store, toast, line }, onSent = () => {}) {
  const element = h('ul', { id: 'incoming-replies', class: 'incoming-replies', 'aria-label': 'Quick replies', hidden: true });
  let number = null;
  let sending = false;
  let sends = [];

  /** Shows the replies for `to` (the caller's number), reading the line when needed. */
  async function open(to) {
    number = to;
    await line.get().catch(() => null);
    if (number !== to) return;
    const replies = store.get().line?.quickReplies ?? [];
    // Without replies (the line could not be read) there is still one blank reply to write.
    const texts = replies.length ? replies : [''];
    sends = [];
    replaceChildren(element, texts.map((text, i) => reply(text, i)));
    element.hidden = false;
    element.querySelector?.('textarea')?.focus?.();
  }

  function reply(text, i) {
    const area = h('textarea', { id: `quick-reply-${i}`, rows: '2', 'aria-label': `Reply ${i + 1}`, placeholder: 'Write a reply' });
    area.value = text;
    const send = h('button', { type: 'button', class: 'primary', 'aria-label': `Send reply ${i + 1}`, onClick: () => void sendNow(area) }, 'Send');
    sends.push(send);
    area.addEventListener('keydown', (event) => {
      if (event.key === 'Enter' && !event.shiftKey) {
        event.preventDefault();
        void sendNow(area);
      }
    });
    return h('li', { class: 'quick-reply' }, area, send);
  }

  async function sendNow(area) {
    const to = number;
    const body = area.value.trim();
    if (sending || !to) return;
    if (!body) {
      toast('Write a reply first', '', 'info');
      return;
    }
    sending = true;
    sends.forEach((b) => (b.disabled = true));
    try {
      const sent = await backend.sendSms(to, body, null);
      toast(sent?.pending ? 'Saved — it will be sent when ringdesk is back online' : 'Text sent');
      close();
      onSent();
    } catch (error) {
      toast(error.message, error.hint, 'error');
    } finally {
      sending = false;
      sends.forEach((b) => (b.disabled = false));
    }
  }

  function close() {
    element.hidden = true;
    replaceChildren(element);
    sends = [];
  }

  return {
    element,
    open,
    close,
    /** Forgets the caller: a reply being read for them is not shown. */
    reset() {
      number = null;
      close();
    },
    get isOpen() {
      return !element.hidden;
    },
  };
}
