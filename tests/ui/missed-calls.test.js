// A missed call: a toast to call or text back, a count on the History rail button until History
// is seen, and History reloaded (the call is already in the cache).

import { test } from 'node:test';
import assert from 'node:assert/strict';

import { byLabel, findAll } from './fake-dom.js';
import { flush, started } from './harness.js';
import { callAlert, fakeBackend, liveCall } from './fake-backend.js';

const MISSED = callAlert({ kind: 'missed', title: 'Missed call', body: '+1 415-555-0188 · United States', contactId: null });
const described = (root, id) => findAll(root, (el) => el.id === byLabel(root, id).getAttribute('aria-describedby'))[0];
const historyBadge = (root) => findAll(byLabel(root, 'History'), (el) => el.className === 'badge')[0];

/** What the core sends for a missed call: the live-call end, the alert, the new count. */
async function missed(app, alert = MISSED) {
  app.backend.emit('live-call', { change: 'ended', call: liveCall({ sessionId: alert.sessionId, state: 'ended' }), missed: true });
  app.backend.emit('call-alert', alert);
  app.missedCount = (app.missedCount ?? 0) + 1;
  app.backend.emit('missed-calls', app.missedCount);
  await flush();
}

test('a missed call bumps the History badge until History is shown', async () => {
  const app = await started();
  const { root } = app;
  assert.equal(historyBadge(root).hidden, true, 'no badge before');
  await missed(app);
  await missed(app, { ...MISSED, sessionId: 's2' });
  assert.equal(historyBadge(root).hidden, false);
  assert.equal(historyBadge(root).textContent, '2');
  assert.equal(described(root, 'History').textContent, '2 missed', 'heard as a description');
  assert.ok(byLabel(root, 'History'), 'the button keeps its name');
  byLabel(root, 'History').click();
  await flush();
  assert.ok(app.backend.log.some(([name]) => name === 'historySeen'), 'the core hears History was seen');
  app.missedCount = 0;
  assert.equal(historyBadge(root).hidden, true, 'seen: the badge goes');
  assert.equal(described(root, 'History').textContent, '');
  await missed(app, { ...MISSED, sessionId: 's3' });
  assert.equal(historyBadge(root).hidden, true, 'History open: nothing to count');
});

test('History reloads for a missed call: at once when shown, else when next shown', async () => {
  const app = await started();
  const { root, backend } = app;
  const loads = () => backend.log.filter(([n]) => n === 'calls').length;
  app.app.show('history');
  await flush();
  assert.equal(loads(), 1);
  await missed(app);
  assert.equal(loads(), 2, 'the visible list reloads');
  app.app.show('dial');
  await missed(app, { ...MISSED, sessionId: 's2' });
  assert.equal(loads(), 2, 'a hidden list waits');
  byLabel(root, 'History').click();
  await flush();
  assert.equal(loads(), 3, 'and reloads when shown');
});

test('the missed-call toast says who and offers Call back and Text', async () => {
  const app = await started();
  const { root, backend } = app;
  await missed(app);
  const toast = findAll(root, (el) => el.className === 'toast' && el.textContent.startsWith('Missed call — +1 415-555-0188 · United States'))[0];
  assert.ok(toast, 'a toast names the caller');
  findAll(toast, (el) => el.tagName === 'BUTTON' && el.textContent === 'Call back')[0].click();
  await flush();
  assert.equal(app.app.store.get().view, 'dial');
  assert.deepEqual(backend.log.filter(([n]) => n === 'placeCall'), [['placeCall', '+14155550188']], 'Call back calls, as History does');
  assert.equal(toast.parentNode, null, 'the toast goes once used');

  await missed(app, { ...MISSED, sessionId: 's2' });
  const again = findAll(root, (el) => el.className === 'toast' && el.textContent.startsWith('Missed call'))[0];
  findAll(again, (el) => el.tagName === 'BUTTON' && el.textContent === 'Text')[0].click();
  await flush();
  assert.equal(app.app.store.get().view, 'messages');
  assert.deepEqual(backend.log.filter(([n]) => n === 'thread').at(-1), ['thread', '+14155550188']);
  assert.equal(backend.log.filter(([n]) => n === 'sendSms').length, 0, 'Text opens the conversation, never sends');
});

test("a wrapped-up call's History row says its outcome first, its notes on hover, as text", async () => {
  const row = {
    id: 'c1',
    startTime: new Date().toISOString(),
    direction: 'Outbound',
    result: 'Call connected',
    missed: false,
    action: 'RingOut Web',
    name: 'Ana Silva',
    display: '(415) 555-0188',
    dial: '+14155550188',
    duration: 65,
    disposition: 'Call back',
    notes: '<b>wants</b> a quote',
  };
  const backend = fakeBackend({ calls: async () => ({ rows: [row], next: null }) });
  const { root, app } = await started(backend);
  app.show('history');
  await flush();
  const detail = findAll(root, (el) => el.className === 'call-detail')[0];
  assert.equal(detail.textContent, 'Call back · (415) 555-0188');
  assert.equal(detail.getAttribute('title'), '<b>wants</b> a quote');
  assert.equal(findAll(root, (el) => el.tagName === 'B').length, 0);
});
