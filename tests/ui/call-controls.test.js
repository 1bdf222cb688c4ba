// Hang up and Hold / Resume in the call bar: only with Call Control, only while the call is up,
// for a RingOut and for an inbound call answered on any of the agent's phones.

import { test } from 'node:test';
import assert from 'node:assert/strict';

import { findAll } from './fake-dom.js';
import { flush, started } from './harness.js';
import { LINE, fakeBackend, liveCall } from './fake-backend.js';

const byClass = (root, name) => findAll(root, (el) => el.className.split(' ').includes(name));
const bar = (root) => byClass(root, 'call-bar')[0];
const hangUp = (root) => byClass(root, 'call-hang-up')[0];
const hold = (root) => byClass(root, 'call-hold')[0];

const ringOut = (phase, extra = {}) => ({
  id: 'r1', party: { name: 'Ana Silva', display: '+1 415' }, phase, words: { you: 'You answered.', them: phase === 'connected' ? 'Connected' : 'Calling Ana Silva…', summary: '' },
  cancellable: phase !== 'connected', final: false, success: false, startedAt: Date.now(), ...extra,
});

test('a connected RingOut gets Hang up and Hold, which call the line\'s commands', async () => {
  const { root, backend } = await started();
  await flush();
  backend.emit('call', ringOut('ringing_them'));
  assert.equal(hangUp(root).hidden, true, 'not before it connects');
  backend.emit('call', ringOut('connected'));
  assert.equal(hangUp(root).hidden, false);
  assert.equal(hold(root).hidden, false);
  assert.equal(hold(root).textContent, 'Hold');

  hold(root).click();
  hold(root).click();
  await flush();
  assert.deepEqual(backend.log.filter(([n]) => n === 'holdCall'), [['holdCall', true]], 'one press, one command');
  assert.equal(hold(root).textContent, 'Resume');
  backend.emit('live-call', { change: 'changed', call: liveCall({ inbound: false, ringOut: true, state: 'on_hold', answered: true }) });
  assert.equal(hold(root).textContent, 'Resume', 'the line agrees');
  hold(root).click();
  await flush();
  assert.deepEqual(backend.log.filter(([n]) => n === 'holdCall').at(-1), ['holdCall', false], 'Resume resumes');
  backend.emit('live-call', { change: 'changed', call: liveCall({ inbound: false, ringOut: true, state: 'connected', answered: true }) });
  assert.equal(hold(root).textContent, 'Hold');

  hangUp(root).click();
  hangUp(root).click();
  await flush();
  assert.equal(backend.log.filter(([n]) => n === 'hangUp').length, 1);
  backend.emit('call', ringOut('finished', { final: true, success: true, endedAt: Date.now() }));
  assert.equal(hangUp(root).hidden, true, 'an ended call has nothing to hang up');
});

test('without Call Control there is no Hang up or Hold', async () => {
  const backend = fakeBackend({ line: async () => ({ ...structuredClone(LINE), callControl: false }) });
  const { root } = await started(backend);
  await flush();
  backend.emit('call', ringOut('connected'));
  assert.equal(bar(root).hidden, false);
  assert.equal(hangUp(root).hidden, true);
  assert.equal(hold(root).hidden, true);
});

test('an inbound call answered on the desk phone gets a minimal bar with the controls', async () => {
  const { root, backend } = await started();
  await flush();
  backend.emit('live-call', { change: 'ringing', call: liveCall({ name: 'ANA SILVA' }) });
  assert.equal(bar(root).hidden, true, 'ringing is the banner\'s, not the bar\'s');
  backend.emit('live-call', { change: 'changed', call: liveCall({ name: 'ANA SILVA', state: 'connected', answered: true }) });
  assert.equal(bar(root).hidden, false);
  assert.match(bar(root).textContent, /ANA SILVA/);
  assert.match(bar(root).textContent, /On the call/);
  assert.equal(hangUp(root).hidden, false);
  assert.equal(byClass(root, 'call-cancel')[0].hidden, true, 'nothing to cancel');
  backend.emit('live-call', { change: 'changed', call: liveCall({ name: 'ANA SILVA', state: 'on_hold', answered: true }) });
  assert.equal(hold(root).textContent, 'Resume', 'held on the phone: the bar offers Resume');
  assert.match(bar(root).textContent, /On hold/);
  hold(root).click();
  await flush();
  assert.deepEqual(backend.log.filter(([n]) => n === 'holdCall'), [['holdCall', false]]);
  backend.emit('live-call', { change: 'ended', call: liveCall({ state: 'ended', answered: true }), missed: false });
  assert.equal(bar(root).hidden, true, 'the bar leaves with the call');
});

test('a refused hang up (no permission) is a toast and the button works again', async () => {
  const backend = fakeBackend();
  backend.hangUp = async () => Promise.reject({ code: 'permission', message: 'ringdesk may not control calls: the app lacks the Call Control permission.', hint: 'Ask your admin.' });
  const { root } = await started(backend);
  await flush();
  backend.emit('live-call', { change: 'changed', call: liveCall({ state: 'connected', answered: true }) });
  hangUp(root).click();
  await flush();
  assert.ok(findAll(root, (el) => el.getAttribute('role') === 'alert' && el.textContent.includes('Call Control')).length);
  assert.equal(hangUp(root).disabled, false);
});
