import { test, beforeEach, afterEach, mock } from 'node:test';
import assert from 'node:assert/strict';

import { byLabel, findAll, installFakeDom } from './fake-dom.js';

let doc;
beforeEach(() => {
  doc = installFakeDom();
  mock.timers.enable({ apis: ['setTimeout'] }); // toasts expire on timers; tests need not wait
});
afterEach(() => mock.timers.reset());

const { createApp, VIEWS } = await import('../js/app.js');
const { aboutFacts } = await import('../js/views/settings.js');

function fakeBackend(info) {
  const calls = [];
  return {
    calls,
    appInfo: async () => {
      calls.push('app_info');
      if (info instanceof Error) throw { code: 'validation', message: info.message, hint: 'Fix it' };
      return info;
    },
    on: () => () => {},
  };
}

const DEMO_INFO = { version: '0.1.0', profile: 'default', mode: 'demo', server: null, dataDir: '/tmp/d' };

test('the frame has the five views as labelled buttons and focuses the number field', async () => {
  const root = doc.createElement('div');
  doc.body.appendChild(root);
  const app = createApp(root, fakeBackend(DEMO_INFO));
  await app.start();
  for (const label of ['Dial', 'History', 'Messages', 'Contacts', 'Settings']) {
    const button = byLabel(root, label);
    assert.ok(button && button.tagName === 'BUTTON', `the rail needs a real "${label}" button`);
  }
  const field = byLabel(root, 'Phone number');
  assert.ok(field, 'the dial field is labelled "Phone number"');
  assert.equal(doc.activeElement, field, 'focus lands in the number field at start');
  assert.equal(byLabel(root, 'Dial').getAttribute('aria-current'), 'page');
});

test('demo mode shows the DEMO badge and the profile', async () => {
  const root = doc.createElement('div');
  const app = createApp(root, fakeBackend(DEMO_INFO));
  await app.start();
  const badge = findAll(root, (el) => el.className === 'badge-demo')[0];
  assert.equal(badge.hidden, false, 'demo mode must always be visible');
  const profile = findAll(root, (el) => el.className === 'status-profile')[0];
  assert.equal(profile.textContent, 'default');
});

test('a failing backend shows its message in the status strip and a toast', async () => {
  const root = doc.createElement('div');
  const app = createApp(root, fakeBackend(new Error('config.toml is not valid')));
  await app.start();
  const status = findAll(root, (el) => el.getAttribute('role') === 'status' && el.className === 'status-text')[0];
  assert.equal(status.textContent, 'config.toml is not valid');
  const alert = findAll(root, (el) => el.getAttribute('role') === 'alert')[0];
  assert.ok(alert, 'an error toast is raised');
  assert.match(alert.textContent, /Fix it/, 'the toast carries the hint');
});

test('switching views hides the others and keeps what was typed', async () => {
  const root = doc.createElement('div');
  const app = createApp(root, fakeBackend(DEMO_INFO));
  await app.start();
  const field = byLabel(root, 'Phone number');
  byLabel(root, '6 MNO').click();
  byLabel(root, '5 JKL').click();
  assert.equal(field.value, '65', 'dial pad keys go into the field');
  app.show('settings');
  const sections = findAll(root, (el) => el.tagName === 'SECTION');
  assert.equal(sections.filter((s) => !s.hidden).length, 1, 'exactly one view is visible');
  app.show('dial');
  assert.equal(field.value, '65', 'the number survives a view switch');
  assert.equal(VIEWS.length, 5);
});

test('Ctrl+4 switches to Contacts, Esc clears the dial field', async () => {
  const root = doc.createElement('div');
  doc.body.appendChild(root);
  const app = createApp(root, fakeBackend(DEMO_INFO));
  await app.start();
  const field = byLabel(root, 'Phone number');
  field.value = '123';
  doc.dispatchEvent({ type: 'keydown', key: 'Escape' });
  assert.equal(field.value, '', 'Esc clears the number');
  doc.dispatchEvent({ type: 'keydown', key: '4', ctrlKey: true });
  assert.equal(app.store.get().view, 'contacts');
});

test('hostile text from the backend is rendered as text, never markup', async () => {
  const root = doc.createElement('div');
  const hostile = '<img src=x onerror=alert(1)>';
  const app = createApp(root, fakeBackend({ ...DEMO_INFO, profile: hostile, dataDir: hostile }));
  await app.start();
  assert.equal(findAll(root, (el) => el.tagName === 'IMG').length, 0, 'no element may be created from text');
  const profile = findAll(root, (el) => el.className === 'status-profile')[0];
  assert.equal(profile.textContent, hostile, 'the text is shown literally');
});

test('settings lists real facts from app_info, nothing invented', () => {
  assert.deepEqual(aboutFacts(null), [], 'no facts before the backend answers');
  const facts = Object.fromEntries(aboutFacts(DEMO_INFO));
  assert.equal(facts['Data folder'], '/tmp/d');
  assert.match(facts.Mode, /Demo/);
});
