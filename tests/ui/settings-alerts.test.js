// Settings → Messaging: "Pop up incoming calls" and "Notify missed calls" save at once like the
// other toggles; the quick replies editor adds (at most 10) and removes replies and "Save
// replies" sends the whole list, its validation errors shown like other settings errors.

import { test } from 'node:test';
import assert from 'node:assert/strict';

import { byLabel, findAll } from './fake-dom.js';
import { flush, started } from './harness.js';
import { LINE, SETTINGS, fakeBackend } from './fake-backend.js';

const button = (root, text) => findAll(root, (el) => el.tagName === 'BUTTON' && el.textContent === text)[0];
const replyAreas = (root) => findAll(root, (el) => el.tagName === 'TEXTAREA' && /^Quick reply \d+$/.test(el.getAttribute('aria-label') ?? ''));
const saves = (backend) => backend.log.filter(([n]) => n === 'saveSettings').map(([, patch]) => patch);
const hostile = '<img src=x onerror=alert(1)>';

async function settingsShown(backend = fakeBackend()) {
  const window = await started(backend);
  window.app.show('settings');
  await flush();
  return window;
}

test('the two call alert checkboxes show the settings and save their own patch', async () => {
  const backend = fakeBackend();
  const { root } = await settingsShown(backend);
  const pop = byLabel(root, 'Pop up incoming calls');
  const missed = byLabel(root, 'Notify missed calls');
  assert.equal(pop.getAttribute('type'), 'checkbox');
  assert.equal(missed.getAttribute('type'), 'checkbox');
  assert.equal(pop.checked, true, 'on by default');
  assert.equal(missed.checked, true);
  pop.checked = false;
  pop.dispatchEvent({ type: 'change' });
  await flush();
  missed.checked = false;
  missed.dispatchEvent({ type: 'change' });
  await flush();
  assert.deepEqual(saves(backend), [{ callAlerts: false }, { missedCallAlerts: false }], 'one field per save, nothing else');
  assert.equal(pop.checked, false, 'the saved settings are shown');
  backend.emit('settings', { ...SETTINGS, callAlerts: true, missedCallAlerts: false });
  assert.equal(pop.checked, true, 'a change from elsewhere shows');
});

test('the quick replies editor adds and removes replies and saves the whole list', async () => {
  const backend = fakeBackend();
  const { root, app } = await settingsShown(backend);
  await flush();
  assert.deepEqual(replyAreas(root).map((a) => a.value), LINE.quickReplies, 'the current replies, each editable');
  const add = button(root, 'Add reply');
  add.click();
  const areas = replyAreas(root);
  assert.equal(areas.length, 4);
  assert.equal(globalThis.document.activeElement, areas[3], 'focus in the new reply');
  areas[3].value = `On my way ${hostile}`;
  areas[3].dispatchEvent({ type: 'input' });
  byLabel(root, 'Remove reply 1').click();
  assert.equal(replyAreas(root).length, 3);
  // Settings shown again (another toggle saved) keep what is being edited.
  byLabel(root, 'Notify missed calls').dispatchEvent({ type: 'change' });
  await flush();
  assert.equal(replyAreas(root).length, 3, 'unsaved edits survive a re-render');
  button(root, 'Save replies').click();
  await flush();
  const expected = [...LINE.quickReplies.slice(1), `On my way ${hostile}`];
  assert.deepEqual(saves(backend).at(-1), { quickReplies: expected }, 'the whole list, in order');
  assert.deepEqual(replyAreas(root).map((a) => a.value), expected);
  assert.deepEqual(app.store.get().line.quickReplies, expected, 'Text back offers the saved replies at once');
  assert.equal(findAll(root, (el) => el.tagName === 'IMG').length, 0);
  assert.ok(findAll(root, (el) => el.getAttribute('role') === 'status' && el.textContent === 'Quick replies saved').length);
});

test('Add reply is disabled at 10', async () => {
  const { root } = await settingsShown();
  const add = button(root, 'Add reply');
  for (let i = replyAreas(root).length; i < 10; i++) {
    assert.equal(add.disabled, false, `reply ${i + 1} can be added`);
    add.click();
  }
  assert.equal(replyAreas(root).length, 10);
  assert.equal(add.disabled, true, 'ten is the most');
  add.click();
  assert.equal(replyAreas(root).length, 10);
  byLabel(root, 'Remove reply 10').click();
  assert.equal(add.disabled, false, 'room again after a removal');
});

test('a reply the backend refuses is shown as an error and the edits stay', async () => {
  const backend = fakeBackend();
  const { root } = await settingsShown(backend);
  const [first] = replyAreas(root);
  first.value = 'x'.repeat(1001);
  first.dispatchEvent({ type: 'input' });
  button(root, 'Save replies').click();
  await flush();
  const alert = findAll(root, (el) => el.getAttribute('role') === 'alert')[0];
  assert.ok(alert, 'shown like other settings errors');
  assert.match(alert.textContent, /longer than 1000/);
  assert.equal(replyAreas(root)[0].value, 'x'.repeat(1001), 'nothing typed is lost');
  assert.equal(button(root, 'Save replies').disabled, false, 'can be saved again');
});

test('saving no replies brings back ringdesk\'s own', async () => {
  const backend = fakeBackend();
  const { root } = await settingsShown(backend);
  for (let i = replyAreas(root).length; i > 0; i--) byLabel(root, `Remove reply ${i}`).click();
  assert.equal(replyAreas(root).length, 0);
  button(root, 'Save replies').click();
  await flush();
  assert.deepEqual(saves(backend).at(-1), { quickReplies: [] });
  assert.deepEqual(replyAreas(root).map((a) => a.value), LINE.quickReplies);
});

test('settings the organization locks are disabled and say so', async () => {
  const backend = fakeBackend({
    settings: async () => ({ ...SETTINGS, locked: ['link_action', 'start_at_login'], policyFile: '/etc/ringdesk/policy.toml', choices: {} }),
  });
  const { root, app } = await started(backend);
  app.show('settings');
  await flush();
  await flush();
  const link = findAll(root, (el) => el.id === 'setting-linkAction')[0];
  const login = findAll(root, (el) => el.id === 'setting-startAtLogin')[0];
  const theme = findAll(root, (el) => el.id === 'setting-theme')[0];
  assert.equal(link.disabled, true);
  assert.equal(login.disabled, true);
  assert.equal(theme.disabled, false, 'not locked: still the agent\'s');
  const note = findAll(root, (el) => el.id === 'setting-startAtLogin-locked')[0];
  assert.equal(note.textContent, 'Set by your organization');
  assert.equal(note.title, 'Set in /etc/ringdesk/policy.toml');
  assert.equal(login.getAttribute('aria-describedby'), 'setting-startAtLogin-locked');
});
