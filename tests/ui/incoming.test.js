// The incoming-call banner: who is calling (as text, whatever the name), their last call and
// text, Text back (one text per press), Reject with Call Control, Open contact, Copy number,
// Esc, and how it follows the call (answered → one line; ended → gone).

import { test } from 'node:test';
import assert from 'node:assert/strict';

import { findAll } from './fake-dom.js';
import { flush, started } from './harness.js';
import { LINE, callAlert, fakeBackend, liveCall } from './fake-backend.js';

const byClass = (root, name) => findAll(root, (el) => el.className.split(' ').includes(name));
const button = (root, text) => findAll(root, (el) => el.tagName === 'BUTTON' && el.textContent === text)[0];
const banner = (root) => byClass(root, 'incoming')[0];
const hostile = '<img src=x onerror=alert(1)>';

const CALLER = {
  lastCall: { id: 'c7', startTime: new Date().toISOString(), direction: 'Inbound', result: 'Missed', missed: true, action: 'Phone Call', name: 'Ana Silva', display: '(415) 555-0188', dial: '+14155550188', duration: 0 },
  lastText: { text: `Please call me back about the invoice ${hostile}`, created: new Date().toISOString(), inbound: true },
};

/** The app with an incoming call ringing (its live-call event, then its alert). */
async function ringing(backend = fakeBackend({ caller: async () => structuredClone(CALLER) }), alert = callAlert()) {
  const app = await started(backend);
  await flush();
  backend.emit('live-call', { change: 'ringing', call: liveCall({ sessionId: alert.sessionId }) });
  backend.emit('call-alert', alert);
  return app;
}

test('an incoming call shows at once, its words as text, then the last call and text', async () => {
  let answer;
  const backend = fakeBackend({ caller: (...args) => { backend.log.push(['caller', ...args]); return new Promise((resolve) => (answer = resolve)); } });
  const { root } = await ringing(backend, callAlert({ body: `${hostile}, Acme Corp` }));
  const el = banner(root);
  assert.equal(el.hidden, false, 'the banner does not wait for the cache');
  assert.match(el.textContent, /Incoming call/);
  assert.equal(byClass(el, 'incoming-who')[0].textContent, `${hostile}, Acme Corp`, 'the name is shown literally');
  assert.deepEqual(backend.log.find(([n]) => n === 'caller'), ['caller', '+14155550188', 's1'], 'the ringing call is named so it is left out');
  answer(structuredClone(CALLER));
  await flush();
  const facts = byClass(el, 'incoming-facts')[0].textContent;
  assert.match(facts, /Last call: Missed · Today/);
  assert.match(facts, /Last text \(received Today .*\): “Please call me back about the invoice <img src=x onerror=alert\(1\)>”/);
  assert.equal(findAll(root, (el) => el.tagName === 'IMG').length, 0, 'no element is ever made from text');
});

test('a caller never seen before is said so', async () => {
  const { root } = await ringing(fakeBackend());
  await flush();
  assert.match(byClass(banner(root), 'incoming-facts')[0].textContent, /No earlier calls or texts/);
});

test('Text back offers the quick replies, editable, and sends one text on a double click', async () => {
  let deliver;
  const backend = fakeBackend({ sendSms: (...args) => { backend.log.push(['sendSms', ...args]); return new Promise((resolve) => (deliver = resolve)); } });
  const { root } = await ringing(backend);
  button(root, 'Text back').click();
  await flush();
  const areas = findAll(banner(root), (el) => el.tagName === 'TEXTAREA');
  assert.deepEqual(areas.map((a) => a.value), LINE.quickReplies, 'the line\'s replies');
  areas[1].value = 'Can\'t talk right now — call you at 3.';
  const send = findAll(banner(root), (el) => el.getAttribute('aria-label') === 'Send reply 2')[0];
  send.click();
  send.click();
  send.dispatchEvent({ type: 'click' }); // even past a disabled button
  await flush();
  assert.deepEqual(backend.log.filter(([n]) => n === 'sendSms'), [['sendSms', '+14155550188', 'Can\'t talk right now — call you at 3.', null]], 'exactly one text, as edited');
  assert.equal(send.disabled, true, 'disabled while sending');
  deliver({ id: 9, pending: false });
  await flush();
  assert.ok(findAll(root, (el) => el.className === 'toast' && el.textContent === 'Text sent').length, 'a toast says it went');
  assert.equal(byClass(root, 'incoming-replies')[0].hidden, true, 'the replies fold away');
});

test('Reject is offered only with Call Control, while ringing, and sends the call to voicemail', async () => {
  const { root, backend } = await ringing();
  await flush();
  const reject = button(root, 'Reject');
  assert.equal(reject.hidden, false, 'Call Control granted: Reject');
  reject.click();
  reject.click();
  await flush();
  assert.equal(backend.log.filter(([n]) => n === 'rejectCall').length, 1);
  assert.equal(reject.hidden, true, 'nothing left to reject');
  assert.ok(findAll(root, (el) => el.className === 'toast' && el.textContent === 'Sent to voicemail').length);

  const without = fakeBackend({ line: async () => ({ ...structuredClone(LINE), callControl: false }) });
  const other = await ringing(without);
  await flush();
  assert.equal(button(other.root, 'Reject').hidden, true, 'no Call Control: no Reject');
});

test('a refused reject (no Call Control permission) is a toast', async () => {
  const backend = fakeBackend();
  backend.rejectCall = async () => Promise.reject({ code: 'permission', message: 'ringdesk is not allowed to control calls (Call Control permission).', hint: 'Ask your admin.' });
  const { root } = await ringing(backend);
  await flush();
  button(root, 'Reject').click();
  await flush();
  assert.ok(findAll(root, (el) => el.getAttribute('role') === 'alert' && el.textContent.includes('Call Control')).length);
  assert.equal(button(root, 'Reject').disabled, false, 'it can be tried again');
});

test('the banner leaves when the call ends; Esc dismisses it', async () => {
  const { root, backend } = await ringing();
  backend.emit('live-call', { change: 'ended', call: liveCall({ sessionId: 'other', state: 'ended' }), missed: false });
  assert.equal(banner(root).hidden, false, 'another call ending changes nothing');
  backend.emit('live-call', { change: 'ended', call: liveCall({ state: 'ended' }), missed: true });
  assert.equal(banner(root).hidden, true);

  backend.emit('call-alert', callAlert({ sessionId: 's2' }));
  assert.equal(banner(root).hidden, false);
  const field = byClass(root, 'number-input')[0];
  field.value = '650';
  globalThis.document.dispatchEvent({ type: 'keydown', key: 'Escape' });
  assert.equal(banner(root).hidden, true, 'Esc dismisses the banner');
  assert.equal(field.value, '650', 'and only the banner');
});

test('answered, the banner becomes one line "On the call with …" that leaves at the end', async () => {
  const { root, backend } = await ringing();
  backend.emit('live-call', { change: 'changed', call: liveCall({ state: 'connected', answered: true }) });
  const el = banner(root);
  assert.equal(el.hidden, false);
  assert.match(el.textContent, /On the call with Ana Silva, Acme Corp/);
  assert.equal(byClass(el, 'incoming-actions')[0].hidden, true, 'the ringing actions are gone');
  backend.emit('live-call', { change: 'ended', call: liveCall({ state: 'ended', answered: true }), missed: false });
  assert.equal(el.hidden, true);
});

test('Open contact opens the contact; an unknown caller gets the new-contact form', async () => {
  const backend = fakeBackend({ contact: async (id) => (backend.log.push(['contact', id]), { id, name: 'Ana Silva', company: 'Acme Corp', numbers: [], email: null, source: 'personal', timeline: [] }) });
  const { root, app } = await ringing(backend);
  button(root, 'Open contact').click();
  await flush();
  assert.equal(app.store.get().view, 'contacts');
  assert.deepEqual(backend.log.find(([n]) => n === 'contact'), ['contact', 7]);
  assert.equal(byClass(root, 'contact-page')[0].hidden, false, 'the contact\'s page is open');

  backend.emit('call-alert', callAlert({ sessionId: 's3', contactId: null, body: '+1 415-555-0199 · United States', number: '+14155550199' }));
  const add = button(root, 'Add contact');
  assert.ok(add, 'no contact: the button says what it does');
  add.click();
  await flush();
  assert.equal(findAll(root, (el) => el.id === 'contacts-search')[0].value, '+14155550199');
  assert.ok(backend.log.some(([n, search]) => n === 'contacts' && search === '+14155550199'), 'the list is searched for the number');
  assert.equal(findAll(root, (el) => el.id === 'new-contact-number')[0].value, '+14155550199', 'the new-contact form has the number');
});

test('Copy number uses the clipboard when there is one, and says so either way', async () => {
  const { root } = await ringing();
  button(root, 'Copy number').click();
  await flush();
  assert.ok(findAll(root, (el) => el.className === 'toast' && el.textContent.includes('+14155550188')).length, 'no clipboard: the number is shown');
  const copied = [];
  globalThis.navigator = { clipboard: { writeText: async (text) => copied.push(text) } };
  try {
    button(root, 'Copy number').click();
    await flush();
    assert.deepEqual(copied, ['+14155550188']);
    assert.ok(findAll(root, (el) => el.className === 'toast' && el.textContent.startsWith('Number copied')).length);
  } finally {
    delete globalThis.navigator;
  }
});
