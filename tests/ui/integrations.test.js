// Settings → Integrations: SuiteDash's and the webhook's forms save what was typed (a secret goes
// in once and the field is emptied; it never comes back), Test connection says what it found or
// why not, failed events are listed as text with Replay, and import mode's exports can be
// generated and marked.

import { test } from 'node:test';
import assert from 'node:assert/strict';

import { byLabel, findAll } from './fake-dom.js';
import { flush, started } from './harness.js';
import { callAlert, fakeBackend, liveCall } from './fake-backend.js';
import { queueWords, quotaWords, testWords, whenWords } from '../../ui/js/views/integrations-editor.js';

const byId = (root, id) => findAll(root, (el) => el.id === id)[0];
const calls = (backend, name) => backend.log.filter(([n]) => n === name).map(([, ...args]) => args);
const form = (root, label) => findAll(root, (el) => el.tagName === 'FORM' && el.getAttribute('aria-label') === label)[0];
const hostile = '<img src=x onerror=alert(1)>';

async function settingsShown(backend = fakeBackend()) {
  const window = await started(backend);
  window.app.show('settings');
  await flush();
  return window;
}

test('SuiteDash is saved with its key once, tested, and pulled', async () => {
  const backend = fakeBackend();
  const { root } = await settingsShown(backend);
  assert.ok(findAll(root, (el) => el.tagName === 'H2' && el.textContent === 'Integrations').length);
  assert.equal(byLabel(root, 'SuiteDash Public ID'), byId(root, 'sd-public-id'), 'labelled');
  assert.equal(byId(root, 'sd-test').disabled, true, 'nothing to test before it is set up');

  byId(root, 'sd-public-id').value = ' pub-123 ';
  byId(root, 'sd-key').value = 'sk-secret';
  byId(root, 'sd-quota').value = '2000';
  form(root, 'SuiteDash').dispatchEvent({ type: 'submit' });
  await flush();
  assert.deepEqual(calls(backend, 'setSuitedash'), [[{ publicId: 'pub-123', apiUrl: '', monthlyQuota: 2000, secretKey: 'sk-secret' }]]);
  assert.equal(byId(root, 'sd-key').value, '', 'the secret is not kept in the form');
  assert.match(byId(root, 'sd-key').placeholder, /keychain/);
  assert.ok(!JSON.stringify(backend.crm.suitedash).includes('sk-secret'), 'the view never carries it');

  byId(root, 'sd-test').click();
  await flush();
  assert.equal(byId(root, 'sd-result').textContent, 'Connected to SuiteDash account pub-123: 12 contacts.');
  assert.match(findAll(byId(root, 'sd-facts'), (el) => el.tagName === 'DD')[0].textContent, /3 of 2000 requests used in 2026-12/);

  byId(root, 'sd-pull').click();
  await flush();
  assert.equal(calls(backend, 'pullSuitedash').length, 1);
});

test('the webhook refuses plain http with the reason, and a failed event is text with Replay', async () => {
  const backend = fakeBackend();
  const window = await settingsShown(backend);
  const { root } = window;
  byId(root, 'hook-url').value = 'http://hooks.example.com/x';
  form(root, 'Webhook').dispatchEvent({ type: 'submit' });
  await flush();
  assert.equal(backend.crm.webhook, null, 'refused');
  assert.equal(byId(root, 'hook-url').value, 'http://hooks.example.com/x', 'what was typed stays');

  byId(root, 'hook-url').value = 'https://hooks.example.com/x';
  byId(root, 'hook-secret').value = 'whsec';
  form(root, 'Webhook').dispatchEvent({ type: 'submit' });
  await flush();
  assert.equal(backend.crm.webhook.url, 'https://hooks.example.com/x');
  byId(root, 'hook-test').click();
  await flush();
  assert.equal(byId(root, 'hook-result').textContent, 'The receiver took a signed test event (HTTP 200).');

  backend.crm.webhook.failed = [{ eventId: 'evt_1', kind: 'sms.sent', state: 'failed', attempts: 1, created: '', nextAt: '', httpStatus: 410, error: hostile }];
  window.app.show('dial');
  window.app.show('settings');
  await flush();
  const failed = findAll(byId(root, 'hook-failed'), (el) => el.tagName === 'LI');
  assert.equal(failed.length, 1);
  assert.match(failed[0].textContent, /HTTP 410/);
  assert.equal(findAll(root, (el) => el.tagName === 'IMG').length, 0, 'an error is text');
  byLabel(root, 'Replay sms.sent evt_1').click();
  await flush();
  assert.deepEqual(backend.crm.replayed, ['evt_1']);
  assert.equal(findAll(byId(root, 'hook-failed'), (el) => el.tagName === 'LI').length, 0);
});

test('import mode generates an export and marks it', async () => {
  const backend = fakeBackend();
  const { root } = await settingsShown(backend);
  byId(root, 'sd-export').click();
  await flush();
  assert.deepEqual(calls(backend, 'generateSuitedashExport'), [[false]]);
  const rows = () => findAll(byId(root, 'sd-exports'), (el) => el.tagName === 'LI');
  assert.equal(rows().length, 1);
  assert.match(rows()[0].textContent, /: 2 contacts — \/data\/exports\/suitedash-1\.csv/);
  byLabel(root, 'Mark export 1 as exported').click();
  await flush();
  assert.match(rows()[0].textContent, /Marked as exported/);
});

test('the words for queues, quotas and tests', () => {
  assert.equal(queueWords({ queue: { pending: 1, sending: 1, delivered: 7, failed: 2 } }), '7 sent · 2 waiting · 2 failed');
  assert.equal(quotaWords({ month: '2026-12', used: 320, quota: 400, warning: true, reserved: false }), '320 of 400 requests used in 2026-12 — over 80 %');
  assert.equal(quotaWords({ month: '2026-12', used: 390, quota: 400, warning: true, reserved: true }), '390 of 400 requests used in 2026-12 — background pulls wait for next month');
  assert.equal(quotaWords({ month: '2026-12', used: 400, quota: 400, warning: true, reserved: true }), '400 of 400 requests used in 2026-12 — spent: nothing more is sent this month');
  assert.equal(testWords({ connector: 'suitedash', publicId: 'p', contacts: null }), 'Connected to SuiteDash account p: ? contacts.');
  assert.equal(testWords(null), '');
  assert.equal(whenWords(null), 'Never');
  assert.equal(whenWords('not a time'), 'Never');
  const now = new Date();
  assert.match(whenWords(now.toISOString(), now), /^Today \d/);
});

test('an unknown caller can be added to SuiteDash from the banner once SuiteDash is set up', async () => {
  const backend = fakeBackend();
  await backend.setSuitedash({ publicId: 'pub-1', apiUrl: '', monthlyQuota: 400, secretKey: 'k' });
  const window = await started(backend);
  await flush();
  const alert = callAlert({ contactId: null });
  backend.emit('live-call', { change: 'ringing', call: liveCall({ sessionId: alert.sessionId }) });
  backend.emit('call-alert', alert);
  await flush();
  const add = findAll(window.root, (el) => el.tagName === 'BUTTON' && el.textContent === 'Add to SuiteDash')[0];
  assert.ok(add && !add.hidden, 'offered for a number without a contact');
  add.click();
  await flush();
  assert.deepEqual(backend.crm.leads, [{ number: alert.number, name: '', company: '', email: '', tags: '' }]);

  const known = callAlert({ contactId: 7, sessionId: 's2' });
  backend.emit('live-call', { change: 'ringing', call: liveCall({ sessionId: known.sessionId }) });
  backend.emit('call-alert', known);
  await flush();
  assert.equal(add.hidden, true, 'not for a known contact');
});

test('without SuiteDash, no Add to SuiteDash anywhere', async () => {
  const backend = fakeBackend();
  const window = await started(backend);
  await flush();
  const alert = callAlert({ contactId: null });
  backend.emit('live-call', { change: 'ringing', call: liveCall({ sessionId: alert.sessionId }) });
  backend.emit('call-alert', alert);
  await flush();
  const add = findAll(window.root, (el) => el.tagName === 'BUTTON' && el.textContent === 'Add to SuiteDash')[0];
  assert.equal(add.hidden, true);
});

test("a SuiteDash contact's page shows its source and saves its tags", async () => {
  const backend = fakeBackend({
    contact: async () => ({ id: 9, name: 'Wren Okafor', company: 'Okafor Freight', email: '', source: 'suitedash', tags: `vip, ${hostile}`, person_id: null, numbers: [], timeline: [] }),
  });
  const { root } = await started(backend);
  backend.emit('navigate', { view: 'contacts', contact: 9 });
  await flush();
  assert.ok(findAll(root, (el) => el.tagName === 'DD' && el.textContent === 'SuiteDash').length, 'the source is named');
  const tags = byId(root, 'contact-tags');
  assert.equal(tags.getAttribute('value'), `vip, ${hostile}`, 'tags are a field value, never markup');
  assert.equal(findAll(root, (el) => el.tagName === 'IMG').length, 0);
  tags.value = ' vip, renewal ';
  form(root, 'SuiteDash tags').dispatchEvent({ type: 'submit' });
  await flush();
  assert.deepEqual(calls(backend, 'setSuitedashTags'), [[9, 'vip, renewal']]);
});
