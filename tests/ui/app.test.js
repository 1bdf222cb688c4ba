import { test, beforeEach, afterEach, mock } from 'node:test';
import assert from 'node:assert/strict';

import { byLabel, findAll, installFakeDom } from './fake-dom.js';
import { DEMO_INFO, HANDLER_OTHER, SIGNED_IN, fakeBackend } from './fake-backend.js';

let doc;
beforeEach(() => {
  doc = installFakeDom();
  globalThis.requestAnimationFrame = (fn) => setTimeout(fn, 0);
  mock.timers.enable({ apis: ['setTimeout', 'setInterval'] }); // toasts and clocks; tests need not wait
});
afterEach(() => mock.timers.reset());

const { createApp, VIEWS } = await import('../../ui/js/app.js');
const { aboutFacts, handlerRows } = await import('../../ui/js/views/settings.js');

async function started(backend = fakeBackend()) {
  const root = doc.createElement('div');
  doc.body.appendChild(root);
  const app = createApp(root, backend);
  await app.start();
  return { root, app, backend };
}
const byClass = (root, name) => findAll(root, (el) => el.className.split(' ').includes(name));
const flush = () => new Promise((resolve) => setImmediate(resolve));

test('the frame has the five views as labelled buttons and focuses the number field', async () => {
  const { root, backend } = await started();
  for (const label of ['Dial', 'History', 'Messages', 'Contacts', 'Settings']) {
    const button = byLabel(root, label);
    assert.ok(button && button.tagName === 'BUTTON', `the rail needs a real "${label}" button`);
  }
  const field = byLabel(root, 'Phone number');
  assert.ok(field, 'the dial field is labelled "Phone number"');
  assert.equal(doc.activeElement, field, 'focus lands in the number field at start');
  assert.equal(byLabel(root, 'Dial').getAttribute('aria-current'), 'page');
  assert.ok(backend.log.some(([name]) => name === 'uiReady'), 'the backend is told when the UI can take links');
});

test('an unread count is described, never renamed: the rail button stays "Messages"', async () => {
  const { root, backend } = await started();
  backend.emit('messages', { number: null, unread: 15 });
  const button = byLabel(root, 'Messages');
  assert.ok(button, 'the accessible name is still the label');
  const description = findAll(root, (el) => el.id === button.getAttribute('aria-describedby'))[0];
  assert.equal(description.textContent, '15 unread', 'the count is read out as a description');
});

test('demo mode shows the DEMO badge and the signed-in user', async () => {
  const { root } = await started();
  assert.equal(byClass(root, 'badge-demo')[0].hidden, false, 'demo mode must always be visible');
  assert.equal(byClass(root, 'status-profile')[0].textContent, 'Sam Agent');
  assert.equal(byClass(root, 'status-text')[0].textContent, 'Connected to the simulator');
});

test('signed out shows the sign-in choices; a JWT signs in', async () => {
  const backend = fakeBackend({});
  backend.session = async () => ({ state: 'signed_out', mode: 'live', user: null, canSignIn: true });
  const { root } = await started(backend);
  const panel = byClass(root, 'sign-in')[0];
  assert.equal(panel.hidden, false, 'first run offers sign-in');
  assert.ok(findAll(panel, (el) => el.textContent === 'Sign in with RingCentral' && el.tagName === 'BUTTON').length);
  assert.ok(findAll(panel, (el) => el.textContent === 'Try the demo' && el.tagName === 'BUTTON').length);
  const jwt = byLabel(root, 'JWT credential');
  jwt.value = ' eyJ.token ';
  findAll(panel, (el) => el.tagName === 'FORM')[0].dispatchEvent({ type: 'submit' });
  await flush();
  assert.deepEqual(backend.log.find(([n]) => n === 'signInJwt'), ['signInJwt', 'eyJ.token'], 'the JWT is sent trimmed');
  assert.equal(panel.hidden, true, 'signed in, the panel goes away');
  assert.equal(jwt.value, '', 'the credential does not linger in the page');
});

test('the machine policy offers only the sign-in it allows, and no demo when it is off', async () => {
  const jwtOnly = fakeBackend({});
  jwtOnly.session = async () => ({ state: 'signed_out', mode: 'live', user: null, canSignIn: true, signInMethods: 'jwt', demoAllowed: false });
  const { root } = await started(jwtOnly);
  const panel = byClass(root, 'sign-in')[0];
  const button = (text) => findAll(panel, (el) => el.textContent === text && el.tagName === 'BUTTON')[0];
  assert.equal(button('Sign in with RingCentral').hidden, true, 'no browser sign-in under a JWT-only policy');
  assert.equal(button('Use a JWT credential').hidden, true, 'the form is shown at once, no toggle');
  assert.equal(findAll(panel, (el) => el.tagName === 'FORM')[0].hidden, false, 'the JWT form is open');
  assert.equal(button('Try the demo').hidden, true, 'demo mode is off by policy');
  root.remove();

  const browserOnly = fakeBackend({});
  browserOnly.session = async () => ({ state: 'signed_out', mode: 'live', user: null, canSignIn: true, signInMethods: 'browser', demoAllowed: true });
  const other = (await started(browserOnly)).root;
  const panel2 = byClass(other, 'sign-in')[0];
  const button2 = (text) => findAll(panel2, (el) => el.textContent === text && el.tagName === 'BUTTON')[0];
  assert.equal(button2('Sign in with RingCentral').hidden, false);
  assert.equal(button2('Use a JWT credential').hidden, true, 'no JWT under a browser-only policy');
  assert.equal(findAll(panel2, (el) => el.tagName === 'FORM')[0].hidden, true);
  assert.equal(button2('Try the demo').hidden, false);
});

test('a failing backend shows its message in the status strip and a toast', async () => {
  const backend = fakeBackend();
  backend.appInfo = async () => Promise.reject({ code: 'validation', message: 'config.toml is not valid', hint: 'Fix it' });
  const { root } = await started(backend);
  assert.equal(byClass(root, 'status-text')[0].textContent, 'config.toml is not valid');
  const alert = findAll(root, (el) => el.getAttribute('role') === 'alert')[0];
  assert.ok(alert, 'an error toast is raised');
  assert.match(alert.textContent, /Fix it/, 'the toast carries the hint');
});

test('switching views hides the others and keeps what was typed', async () => {
  const { root, app } = await started();
  const field = byLabel(root, 'Phone number');
  byLabel(root, '6 MNO').click();
  byLabel(root, '5 JKL').click();
  assert.equal(field.value, '65', 'dial pad keys go into the field');
  app.show('settings');
  const sections = findAll(root, (el) => el.tagName === 'SECTION' && !el.className.includes('sign-in'));
  assert.equal(sections.filter((s) => !s.hidden).length, 1, 'exactly one view is visible');
  app.show('dial');
  assert.equal(field.value, '65', 'the number survives a view switch');
  assert.equal(VIEWS.length, 7);
  assert.ok(VIEWS.some((v) => v.id === 'lists'), 'Lists is in the rail');
});

test('Ctrl+4 switches to Contacts, Esc clears the dial field', async () => {
  const { root, app } = await started();
  const field = byLabel(root, 'Phone number');
  field.value = '123';
  doc.dispatchEvent({ type: 'keydown', key: 'Escape' });
  assert.equal(field.value, '', 'Esc clears the number');
  doc.dispatchEvent({ type: 'keydown', key: '4', ctrlKey: true });
  assert.equal(app.store.get().view, 'contacts');
});

test('typing a number previews it and Enter places exactly one call', async () => {
  const { root, backend } = await started();
  const field = byLabel(root, 'Phone number');
  field.value = '650 555 0123';
  field.dispatchEvent({ type: 'input' });
  await flush();
  assert.match(byClass(root, 'number-preview')[0].textContent, /\(650\) 555-0123 · United States/);
  const call = byLabel(root, 'Call');
  assert.equal(call.disabled, false, 'a valid number, signed in: Call is ready');
  field.dispatchEvent({ type: 'keydown', key: 'Enter' });
  field.dispatchEvent({ type: 'keydown', key: 'Enter' });
  await flush();
  assert.equal(backend.log.filter(([n]) => n === 'placeCall').length, 1, 'a double Enter never starts two calls');
  const bar = byClass(root, 'call-bar')[0];
  assert.equal(bar.hidden, false, 'the call bar slides in');
  assert.match(bar.textContent, /Ringing your desk phone/);
});

test('Esc cancels a call that is still ringing', async () => {
  const { root, backend } = await started();
  backend.emit('call', { id: 'c9', party: { name: 'Ana Silva', display: '+1 650' }, phase: 'ringing_them', words: { you: 'You answered.', them: 'Calling Ana Silva…', summary: '' }, cancellable: true, final: false, startedAt: Date.now() });
  assert.match(byClass(root, 'call-bar')[0].textContent, /Ana Silva/);
  doc.dispatchEvent({ type: 'keydown', key: 'Escape' });
  await flush();
  assert.deepEqual(backend.log.find(([n]) => n === 'cancelCall'), ['cancelCall', 'c9']);
});

test('links from the backend prefill the dial view, or open an SMS draft without sending', async () => {
  const { root, app, backend } = await started();
  backend.emit('link', { kind: 'call', number: '+16505550100', dialed: false });
  await flush();
  assert.equal(byLabel(root, 'Phone number').value, '+16505550100');
  assert.equal(backend.log.filter(([n]) => n === 'placeCall').length, 0, 'prefill never dials');
  backend.emit('link', { kind: 'sms', number: '+15105550101', body: 'hello' });
  await flush();
  assert.equal(app.store.get().view, 'messages');
  assert.equal(byLabel(root, 'Message').value, 'hello', 'the body is prefilled');
  assert.equal(backend.log.filter(([n]) => n === 'sendSms').length, 0, 'an sms: link never sends by itself');
  backend.emit('link', { kind: 'error', message: 'That link has no number.', hint: 'Check the link' });
  assert.ok(findAll(root, (el) => el.getAttribute('role') === 'alert' && el.textContent.includes('no number')).length);
});

test('hostile text from the backend is rendered as text, never markup', async () => {
  const hostile = '<img src=x onerror=alert(1)>';
  const backend = fakeBackend();
  backend.session = async () => ({ ...SIGNED_IN, user: { name: hostile, extensionNumber: '1' } });
  backend.thread = async (number) => ({ number, display: number, name: hostile, unread: 0, senders: [], sender: null, messages: [{ id: 1, direction: 'Inbound', text: hostile, time: new Date().toISOString(), status: 'Received' }] });
  const { root } = await started(backend);
  backend.emit('link', { kind: 'sms', number: '+15105550101' });
  await flush();
  assert.equal(findAll(root, (el) => el.tagName === 'IMG').length, 0, 'no element may be created from text');
  assert.equal(byClass(root, 'status-profile')[0].textContent, hostile, 'the name is shown literally');
  assert.equal(byClass(root, 'bubble-text')[0].textContent, hostile, 'the SMS body is shown literally');
});

test('settings lists real facts from app_info, nothing invented', () => {
  assert.deepEqual(aboutFacts(null), [], 'no facts before the backend answers');
  const facts = Object.fromEntries(aboutFacts(DEMO_INFO));
  assert.equal(facts['Data folder'], '/tmp/d');
  assert.match(facts.Mode, /Demo/);
});

test('the tray and a clicked notification navigate: Messages, or straight to the thread', async () => {
  const { app, backend } = await started();
  backend.emit('navigate', { view: 'messages', number: null });
  await flush();
  assert.equal(app.store.get().view, 'messages');
  backend.emit('navigate', { view: 'messages', number: '+15105550101' });
  await flush();
  assert.deepEqual(backend.log.filter(([n]) => n === 'thread').at(-1), ['thread', '+15105550101'], 'the sender\'s thread opens');
  backend.emit('navigate', { view: 'nowhere' });
  assert.equal(app.store.get().view, 'messages', 'an unknown view changes nothing');
});

test('settings show who opens phone links and make ringdesk the handler on request', async () => {
  assert.deepEqual(handlerRows(null), [], 'nothing before the backend answers');
  assert.deepEqual(handlerRows(HANDLER_OTHER).slice(0, 2), [
    ['tel:', 'org.gnome.Contacts'],
    ['callto:', 'ringdesk'],
  ]);
  const { root, app, backend } = await started();
  app.show('settings');
  await flush();
  const button = findAll(root, (el) => el.tagName === 'BUTTON' && el.textContent === 'Make ringdesk the handler')[0];
  assert.ok(button && !button.hidden, 'offered while another app has tel:');
  button.dispatchEvent({ type: 'click' });
  await flush();
  assert.equal(backend.log.filter(([n]) => n === 'makeDefaultHandler').length, 1);
  assert.ok(button.hidden, 'nothing left to fix once ringdesk is the handler');
});

test('the tray\'s Do not disturb shows in Settings at once', async () => {
  const { root, app, backend } = await started();
  app.show('settings');
  await flush();
  backend.emit('settings', { doNotDisturb: true, linkAction: 'prefill', theme: 'system', choices: {} });
  const toggle = findAll(root, (el) => el.getAttribute?.('id') === 'setting-doNotDisturb')[0];
  assert.equal(toggle.checked, true);
});
