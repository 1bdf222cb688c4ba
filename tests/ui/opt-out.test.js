// A customer who replied STOP: their thread names it over the composer (as text, with how texts
// start again), Send and the templates are off with the notice as the reason, and a text the
// backend refuses for it is shown and the thread read again so the notice appears; a contact's
// page marks the number.

import { test } from 'node:test';
import assert from 'node:assert/strict';

import { byLabel, findAll } from './fake-dom.js';
import { flush, started } from './harness.js';
import { OPT_OUT_HINT, fakeBackend, optedOutWords } from './fake-backend.js';

const byClass = (root, name) => findAll(root, (el) => el.className.split(' ').includes(name));
const NUMBER = '+14155550177';
const START = 'They can text START to receive texts again; call them instead.';

async function thread(backend) {
  const app = await started(backend);
  backend.emit('navigate', { view: 'messages', number: NUMBER });
  await flush();
  return app;
}
const notice = (root) => byClass(root, 'opt-out-notice')[0];
const templatesButton = (root) => findAll(root, (el) => el.tagName === 'BUTTON' && el.textContent === 'Templates')[0];

test('an opted-out thread shows the notice as text, and Send and the templates are off', async () => {
  const backend = fakeBackend();
  backend.optedOut.add(NUMBER);
  const { root } = await thread(backend);
  const el = notice(root);
  assert.equal(el.hidden, false);
  assert.equal(el.getAttribute('role'), 'status');
  assert.equal(el.textContent, `${optedOutWords(NUMBER)}. ${START}`);
  assert.equal(el.childNodes.length, 1, 'one text node, no markup');
  const send = byLabel(root, 'Send');
  const text = byLabel(root, 'Message');
  text.value = 'Are you still there?';
  text.dispatchEvent({ type: 'input' });
  await flush();
  assert.equal(send.disabled, true, 'typing does not turn Send back on');
  assert.equal(send.getAttribute('aria-describedby'), el.id, 'the notice is the reason');
  assert.equal(templatesButton(root).disabled, true);
  assert.equal(templatesButton(root).getAttribute('aria-describedby'), el.id);
  text.dispatchEvent({ type: 'keydown', key: 'Enter' });
  await flush();
  assert.equal(backend.log.filter(([n]) => n === 'sendSms').length, 0, 'Enter does not send either');

  backend.emit('navigate', { view: 'messages', number: '+14155550199' });
  await flush();
  assert.equal(notice(root).hidden, true, 'another customer: no notice');
  assert.equal(send.disabled, false, 'their draft can be sent');
  assert.equal(send.getAttribute('aria-describedby'), null);
  assert.equal(templatesButton(root).disabled, false);
});

test('a text refused because the customer opted out is shown and the thread read again', async () => {
  const backend = fakeBackend();
  const { root } = await thread(backend);
  assert.equal(notice(root).hidden, true, 'texts were allowed when the thread was read');
  backend.optedOut.add(NUMBER); // they reply STOP meanwhile
  const reads = backend.log.filter(([n]) => n === 'thread').length;
  const text = byLabel(root, 'Message');
  text.value = 'Your order is ready';
  text.dispatchEvent({ type: 'input' });
  await flush();
  byLabel(root, 'Send').click();
  await flush();
  assert.deepEqual(backend.log.filter(([n]) => n === 'sendSms'), [['sendSms', NUMBER, 'Your order is ready', undefined]]);
  const alert = findAll(root, (el) => el.getAttribute('role') === 'alert')[0];
  assert.ok(alert, 'the refusal is shown like other send errors');
  assert.match(alert.textContent, /opted out of texts from/);
  assert.ok(alert.textContent.includes(OPT_OUT_HINT), 'with what to do instead');
  assert.equal(backend.log.filter(([n]) => n === 'thread').length, reads + 1, 'the thread is read again');
  assert.equal(notice(root).hidden, false, 'the notice now shows');
  assert.equal(notice(root).textContent, `${optedOutWords(NUMBER)}. ${START}`);
  assert.equal(byLabel(root, 'Send').disabled, true);
  assert.equal(text.value, 'Your order is ready', 'the draft is kept');
});

test('a contact page marks a number that opted out of texts, as text', async () => {
  const words = `${optedOutWords(NUMBER)} (they replied STOP)`;
  const backend = fakeBackend({
    contact: async (id) => ({
      id,
      name: 'Nora <b>Quist</b>',
      company: '',
      email: null,
      source: 'local',
      timeline: [],
      numbers: [
        { label: 'mobile', display: '(415) 555-0177', dial: NUMBER, optedOut: words },
        { label: 'work', display: '(415) 555-0199', dial: '+14155550199', optedOut: null },
      ],
    }),
  });
  const { root } = await started(backend);
  backend.emit('navigate', { view: 'contacts', contact: 7 });
  await flush();
  const badges = byClass(root, 'opt-out-badge');
  assert.equal(badges.length, 1, 'only the opted-out number');
  assert.equal(badges[0].textContent, 'No texts (opted out)');
  assert.equal(badges[0].getAttribute('title'), `${words}. ${START}`);
  assert.ok(byLabel(root, 'Text (415) 555-0177 (opted out of texts)'), 'the Text button says so');
  assert.ok(byLabel(root, 'Text (415) 555-0199'), 'the other number is plain');
});
