import { test } from 'node:test';
import assert from 'node:assert/strict';

import { describeStatus } from '../../ui/js/lib/status.js';
import { shortcutFor } from '../../ui/js/lib/keyboard.js';
import { KEYS, deleteBack, insertAt, isDialKey } from '../../ui/js/lib/dialpad.js';
import { createStore } from '../../ui/js/lib/store.js';
import { toUiError } from '../../ui/js/backend.js';

const VIEWS = ['dial', 'history', 'messages', 'contacts', 'settings'];

test('status: starting, demo, live, signed out, rate limited are told apart', () => {
  const demoInfo = { profile: 'default', mode: 'demo', server: null };
  const liveInfo = { profile: 'work', mode: 'live', server: 'https://platform.ringcentral.com' };
  const signedIn = { state: 'signed_in', user: { name: 'Sam' } };
  assert.equal(describeStatus({}).text, 'Starting…');
  const demo = describeStatus({ info: demoInfo, session: signedIn });
  assert.equal(demo.demo, true, 'demo mode must show the DEMO badge');
  assert.equal(demo.health, 'ok');
  assert.equal(demo.profile, 'Sam', 'the signed-in user is named');
  const live = describeStatus({ info: liveInfo, session: signedIn });
  assert.equal(live.demo, false, 'a real account never shows DEMO');
  assert.equal(live.text, 'Connected');
  assert.equal(describeStatus({ info: liveInfo, session: { state: 'signed_out' } }).health, 'down');
  const limited = describeStatus({ info: liveInfo, session: signedIn, connection: { state: 'rate_limited', words: 'Rate limited', retryAt: 41_000 } }, 1_000);
  assert.equal(limited.health, 'warn');
  assert.equal(limited.text, 'Rate limited · retrying in 40 s', 'the wait is always visible');
  const over = describeStatus({ info: liveInfo, session: signedIn, connection: { state: 'rate_limited', words: 'Rate limited', retryAt: 41_000 } }, 42_000);
  assert.deepEqual([over.health, over.text], ['ok', 'Connected'], 'a wait ends by itself');
  const polling = describeStatus({ info: liveInfo, session: signedIn, connection: { state: 'polling', words: 'Checking for texts every 20 s' } });
  assert.equal(polling.health, 'ok', 'polling still works');
  assert.match(polling.text, /every 20 s/);
  const offline = describeStatus({ info: liveInfo, session: signedIn, connection: { state: 'offline', words: 'Offline' } });
  assert.deepEqual([offline.health, offline.text], ['down', 'Offline']);
});

test('status: an error turns the dot red with its message', () => {
  const status = describeStatus({ error: { message: 'config.toml is not valid' } });
  assert.equal(status.health, 'down');
  assert.equal(status.text, 'config.toml is not valid');
});

test('keyboard: Ctrl/Cmd+1…5 pick views in rail order, Ctrl+K searches, Esc escapes', () => {
  assert.deepEqual(shortcutFor({ key: '3', ctrlKey: true }, VIEWS), { type: 'view', id: 'messages' });
  assert.deepEqual(shortcutFor({ key: '5', metaKey: true }, VIEWS), { type: 'view', id: 'settings' });
  assert.equal(shortcutFor({ key: '6', ctrlKey: true }, VIEWS), null, 'no sixth view');
  assert.deepEqual(shortcutFor({ key: 'K', ctrlKey: true }, VIEWS), { type: 'search' });
  assert.deepEqual(shortcutFor({ key: 'Escape' }, VIEWS), { type: 'escape' });
  assert.equal(shortcutFor({ key: '3' }, VIEWS), null, 'a bare digit is typing, not a shortcut');
  assert.equal(shortcutFor({ key: '1', ctrlKey: true, altKey: true }, VIEWS), null, 'AltGr combos are typing');
});

test('dial pad: twelve keys with E.161 letters; insertion and deletion respect the caret', () => {
  assert.equal(KEYS.length, 12);
  assert.deepEqual(KEYS[6], ['7', 'PQRS']);
  assert.ok(isDialKey('+') && isDialKey('#') && !isDialKey('a') && !isDialKey('Enter'));
  assert.deepEqual(insertAt('1650', '5', 1, 1), { value: '15650', caret: 2 });
  assert.deepEqual(insertAt('16505', '9', 1, 4), { value: '195', caret: 2 }, 'typing replaces a selection');
  assert.deepEqual(deleteBack('123', 3, 3), { value: '12', caret: 2 });
  assert.deepEqual(deleteBack('123', 0, 0), { value: '123', caret: 0 }, 'nothing before the caret');
  assert.deepEqual(deleteBack('12345', 1, 3), { value: '145', caret: 1 }, 'a selection is deleted whole');
});

test('store: updates merge and notify; unsubscribe stops notifications', () => {
  const store = createStore({ a: 1, b: 2 });
  const seen = [];
  const off = store.subscribe((s) => seen.push(s.a));
  store.update({ a: 3 });
  off();
  store.update({ a: 4 });
  assert.deepEqual(seen, [3]);
  assert.deepEqual(store.get(), { a: 4, b: 2 }, 'unrelated keys survive');
});

test('backend errors always become { code, message, hint }', () => {
  assert.deepEqual(toUiError({ code: 'validation', message: 'Bad number', hint: 'Check it' }), {
    code: 'validation', message: 'Bad number', hint: 'Check it',
  });
  const fromString = toUiError('command app_info not allowed');
  assert.equal(fromString.code, 'internal');
  assert.equal(fromString.message, 'command app_info not allowed');
  assert.ok(fromString.hint.length > 0, 'every error carries a next step');
});
