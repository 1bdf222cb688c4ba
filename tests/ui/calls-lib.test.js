// The pure parts of live calls: the list kept from `live-call` events, the call on the line, and
// the banner's words about a caller's last call and text.

import { test } from 'node:test';
import assert from 'node:assert/strict';

import { applyLiveCall, onTheLine } from '../../ui/js/lib/live-calls.js';
import { lastCallWords, lastTextWords, shorten } from '../../ui/js/lib/caller.js';
import { liveCall } from './fake-backend.js';

test('live calls: a change replaces the call, an end removes it; the line prefers connected', () => {
  let calls = applyLiveCall([], { change: 'ringing', call: liveCall({ sessionId: 'a' }) });
  calls = applyLiveCall(calls, { change: 'changed', call: liveCall({ sessionId: 'b', state: 'on_hold' }) });
  assert.deepEqual(calls.map((c) => c.sessionId), ['a', 'b']);
  assert.equal(onTheLine(calls).sessionId, 'b', 'a ringing call is not on the line; a held one is');
  calls = applyLiveCall(calls, { change: 'changed', call: liveCall({ sessionId: 'a', state: 'connected' }) });
  assert.equal(calls.length, 2, 'replaced, not added');
  assert.equal(onTheLine(calls).sessionId, 'a', 'connected first');
  calls = applyLiveCall(calls, { change: 'ended', call: liveCall({ sessionId: 'a', state: 'ended' }), missed: false });
  assert.deepEqual(calls.map((c) => c.sessionId), ['b']);
  assert.equal(applyLiveCall(calls, null), calls, 'nothing to apply');
  assert.equal(onTheLine([]), null);
});

test('caller words: last call and last text, short and on one line', () => {
  const now = new Date(2025, 4, 14, 12, 0);
  const yesterday = new Date(2025, 4, 13, 9, 30).toISOString();
  assert.equal(lastCallWords(null), null);
  assert.match(lastCallWords({ startTime: yesterday, missed: true, result: 'Missed', direction: 'Inbound' }, now), /^Last call: Missed · Yesterday \d/);
  assert.match(lastCallWords({ startTime: yesterday, missed: false, result: 'Call connected', direction: 'Outbound' }, now), /^Last call: Call connected · Yesterday/);
  assert.equal(lastTextWords(null), null);
  assert.match(lastTextWords({ text: 'Hi\nthere', created: yesterday, inbound: false }, now), /^Last text \(sent Yesterday .*\): “Hi there”$/);
  const long = shorten('x'.repeat(200));
  assert.equal([...long].length, 80);
  assert.ok(long.endsWith('…'));
  assert.equal(shorten('  short  '), 'short');
});
