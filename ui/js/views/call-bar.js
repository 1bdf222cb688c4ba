// The call bar: slides in above every view while a call is set up or live — who, both legs in
// words, elapsed time, Cancel while cancellable — and shows the outcome before it leaves.
// An inbound call answered (on any of the agent's phones) gets a minimal bar too. With Call
// Control granted, a connected call has Hang up and Hold / Resume.

import { h, replaceChildren } from '../lib/dom.js';
import { formatDuration } from '../lib/format.js';
import { onTheLine } from '../lib/live-calls.js';

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
 * An answered inbound call as the bar shows it (no RingOut in the store): a CallView-like
 * object; `since` is when the window first saw it connected.
 */
function inboundBar(live, since) {
  return {
    party: { name: live.name, display: live.number },
    phase: live.state === 'on_hold' ? 'on_hold' : 'connected',
    words: { you: live.state === 'on_hold' ? 'On hold' : 'On the call', them: '' },
    cancellable: false,
    startedAt: since,
  };
}

/**
 * @param {{ backend: any, store: any, toast: Function }} ctx
 */
export function createCallBar({ backend, store, toast }) {
  const party = h('div', { class: 'call-party' });
  const legs = h('div', { class: 'call-legs', role: 'status', 'aria-live': 'polite' });
  const clock = h('span', { class: 'call-clock', 'aria-label': 'Elapsed time' });
  const hold = h('button', { type: 'button', class: 'call-hold', hidden: true, onClick: () => void toggleHold() }, 'Hold');
  const hangUp = h('button', { type: 'button', class: 'call-hang-up', hidden: true, onClick: () => void hangUpNow() }, 'Hang up');
  const cancel = h('button', { type: 'button', class: 'call-cancel', onClick: () => void cancelCall() }, 'Cancel');
  const element = h('div', { class: 'call-bar', hidden: true }, h('div', { class: 'call-main' }, party, legs), clock, hold, hangUp, cancel);
  let timer = null;
  let hideTimer = null;
  let shown = null; // the RingOut CallView shown
  let inbound = null; // { sessionId, since } of the answered inbound call shown without a RingOut
  let held = false; // from the live call's state, or the last Hold / Resume that succeeded
  let heldFrom = null; // the live call `held` was read from

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

  async function hangUpNow() {
    if (hangUp.disabled) return;
    hangUp.disabled = true;
    try {
      await backend.hangUp();
    } catch (error) {
      toast(error.message, error.hint, 'error');
    } finally {
      hangUp.disabled = false;
    }
  }

  async function toggleHold() {
    if (hold.disabled) return;
    const want = !held;
    hold.disabled = true;
    try {
      await backend.holdCall(want);
      held = want;
    } catch (error) {
      toast(error.message, error.hint, 'error');
    } finally {
      hold.disabled = false;
      renderControls();
    }
  }

  /** What the bar shows: the RingOut in the store, else an answered inbound call, else null. */
  function current() {
    const { call } = store.get();
    if (call) return call;
    const live = onTheLine(store.get().liveCalls ?? []);
    if (!live?.inbound || live.ringOut) {
      inbound = null;
      return null;
    }
    if (inbound?.sessionId !== live.sessionId) inbound = { sessionId: live.sessionId, since: Date.now() };
    return inboundBar(live, inbound.since);
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

  /** Hang up and Hold / Resume: only with Call Control, only while the call is up. */
  function renderControls() {
    const state = store.get();
    const live = onTheLine(state.liveCalls ?? []);
    if (live !== heldFrom) {
      heldFrom = live;
      held = live?.state === 'on_hold';
    }
    const call = state.call;
    // A RingOut is up when connected, or when ringdesk lost track of it but the line has it.
    const up = call ? !call.final && (call.phase === 'connected' || (call.phase === 'unknown' && live !== null)) : inbound !== null;
    const show = up && state.line?.callControl === true;
    hangUp.hidden = !show;
    hold.hidden = !show;
    replaceChildren(hold, held ? 'Resume' : 'Hold');
    hold.dataset.held = String(held);
  }

  function tick() {
    const call = store.get().call ?? (inbound && { startedAt: inbound.since });
    if (call) clock.textContent = formatDuration(elapsedSeconds(call, Date.now()));
  }

  store.subscribe(() => {
    const { call } = store.get();
    const next = current();
    const sameInbound = !call && next && shown && !shown.id && next.startedAt === shown.startedAt && next.phase === shown.phase;
    if (next !== shown && !sameInbound) {
      shown = next;
      render(next);
      clearInterval(timer);
      clearTimeout(hideTimer);
      if (next && !next.final) timer = setInterval(tick, 1000);
      if (next?.final) {
        toast(outcomeToast(next), next.success ? '' : next.words.hint ?? '', next.success ? 'info' : 'error');
        hideTimer = setTimeout(() => {
          if (store.get().call === next) store.update({ call: null });
        }, OUTCOME_MS);
      }
    }
    renderControls();
  });

  return { element };
}
