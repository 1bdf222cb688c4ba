// The call bar: slides in above every view while a call is set up or live — who, both legs in
// words, elapsed time, Cancel while cancellable — and shows the outcome before it leaves.

import { h, replaceChildren } from '../lib/dom.js';
import { formatDuration } from '../lib/format.js';

/** How long the final outcome stays before the bar hides. */
const OUTCOME_MS = 5000;

/**
 * Seconds to show on the clock: from connection when connected, else from the start.
 * @param {{ startedAt: number, connectedAt?: number|null, endedAt?: number|null }} call
 */
function elapsedSeconds(call, now) {
  const from = call.connectedAt ?? call.startedAt;
  const to = call.endedAt ?? now;
  return Math.max(0, Math.floor((to - from) / 1000));
}

/** The toast when a call ends: `Call ended — 3:42`, or what went wrong. */
function outcomeToast(call) {
  if (call.success) return `Call ended — ${formatDuration(elapsedSeconds(call, call.endedAt ?? Date.now()))}`;
  return call.words.summary;
}

/**
 * @param {{ backend: any, store: any, toast: Function }} ctx
 */
export function createCallBar({ backend, store, toast }) {
  const party = h('div', { class: 'call-party' });
  const legs = h('div', { class: 'call-legs', role: 'status', 'aria-live': 'polite' });
  const clock = h('span', { class: 'call-clock', 'aria-label': 'Elapsed time' });
  const cancel = h('button', { type: 'button', class: 'call-cancel', onClick: () => void cancelCall() }, 'Cancel');
  const element = h('div', { class: 'call-bar', hidden: true }, h('div', { class: 'call-main' }, party, legs), clock, cancel);
  let timer = null;
  let hideTimer = null;
  let shown = null;

  async function cancelCall() {
    const call = store.get().call;
    if (!call?.cancellable) return;
    cancel.disabled = true;
    try {
      store.update({ call: await backend.cancelCall(call.id) });
    } catch (error) {
      toast(error.message, error.hint, 'error');
      cancel.disabled = false;
    }
  }

  function render(call) {
    if (!call) {
      element.hidden = true;
      return;
    }
    element.hidden = false;
    element.dataset.phase = call.phase;
    replaceChildren(party, call.party.name || call.party.display);
    replaceChildren(legs, h('span', {}, call.words.you), ' ', h('span', {}, call.words.them));
    cancel.hidden = !call.cancellable;
    cancel.disabled = false;
    tick();
  }

  function tick() {
    const call = store.get().call;
    if (call) clock.textContent = formatDuration(elapsedSeconds(call, Date.now()));
  }

  store.subscribe(({ call }) => {
    if (call === shown) return;
    shown = call;
    render(call);
    clearInterval(timer);
    clearTimeout(hideTimer);
    if (call && !call.final) timer = setInterval(tick, 1000);
    if (call?.final) {
      toast(outcomeToast(call), call.success ? '' : call.words.hint ?? '', call.success ? 'info' : 'error');
      hideTimer = setTimeout(() => {
        if (store.get().call === call) store.update({ call: null });
      }, OUTCOME_MS);
    }
  });

  return { element };
}
