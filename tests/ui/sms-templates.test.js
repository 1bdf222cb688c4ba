// Templates in the SMS composer: read once per window, grouped company / personal / built-in,
// a choice lands in the composer (replacing an empty draft, after a space otherwise) with the
// counter updated, Esc closes the list only, a failed read is a toast, names stay text.

import { test } from 'node:test';
import assert from 'node:assert/strict';

import { byLabel, findAll } from './fake-dom.js';
import { flush, started } from './harness.js';
import { TEMPLATES, fakeBackend } from './fake-backend.js';
import { groupTemplates, templatePreview, withTemplate } from '../../ui/js/lib/sms.js';

const byClass = (root, name) => findAll(root, (el) => el.className.split(' ').includes(name));
const doc = () => globalThis.document;
const hostile = '<img src=x onerror=alert(1)>';

/** The app with the thread of `number` open in Messages. */
async function thread(backend = fakeBackend(), number = '+14155550177') {
  const app = await started(backend);
  backend.emit('navigate', { view: 'messages', number });
  await flush();
  return app;
}
const templatesButton = (root) => findAll(root, (el) => el.tagName === 'BUTTON' && el.textContent === 'Templates')[0];
const panel = (root) => byClass(root, 'template-panel')[0];
const options = (root) => byClass(root, 'template-option');

test('template words: an empty draft is replaced, else the text follows a space; one-line previews', () => {
  assert.equal(withTemplate('', 'Hello'), 'Hello');
  assert.equal(withTemplate('  \n', 'Hello'), 'Hello', 'a blank draft counts as empty');
  assert.equal(withTemplate('Hi Ana,', 'Hello'), 'Hi Ana, Hello');
  assert.equal(withTemplate('Hi Ana, ', 'Hello'), 'Hi Ana, Hello', 'no second space');
  assert.equal(withTemplate('Hi Ana\n', 'Hello'), 'Hi Ana\nHello', 'a new line the agent typed is kept');
  assert.equal(templatePreview('one\n two\tthree'), 'one two three');
  assert.equal(templatePreview('x'.repeat(100), 10), `${'x'.repeat(9)}…`);
  const groups = groupTemplates([{ name: 'b', scope: 'built_in' }, { name: 'p', scope: 'personal' }, { name: 'c', scope: 'company' }]);
  assert.deepEqual(groups.map((g) => [g.label, g.templates.map((t) => t.name)]), [['Company', ['c']], ['Personal', ['p']], ['Built-in', ['b']]]);
  assert.deepEqual(groupTemplates([]), []);
});

test('the templates are read once, grouped, and a choice lands in the composer with the counter', async () => {
  const { root, backend } = await thread();
  const button = templatesButton(root);
  assert.ok(button, 'a Templates button next to the composer');
  assert.equal(button.getAttribute('aria-expanded'), 'false');
  assert.equal(backend.log.filter(([n]) => n === 'smsTemplates').length, 0, 'nothing read before it is wanted');
  button.click();
  await flush();
  assert.equal(panel(root).hidden, false);
  assert.equal(button.getAttribute('aria-expanded'), 'true');
  assert.deepEqual(byClass(root, 'template-group-label').map((el) => el.textContent), ['Company', 'Personal']);
  assert.deepEqual(options(root).map((el) => el.getAttribute('aria-label')), TEMPLATES.map((t) => t.name));
  assert.equal(byClass(options(root)[1], 'template-preview')[0].textContent, 'We are at 1 Market St, suite 200 — ring the bell.', 'the preview is one line');
  assert.equal(doc().activeElement, options(root)[0], 'focus moves into the list');

  options(root)[0].click();
  await flush();
  const text = byLabel(root, 'Message');
  assert.equal(text.value, TEMPLATES[0].text, 'an empty draft is replaced');
  assert.equal(doc().activeElement, text, 'back to typing');
  assert.equal(panel(root).hidden, true, 'the list closes');
  assert.equal(byClass(root, 'sms-counter')[0].textContent, `${TEMPLATES[0].text.length} / 1000 · 1 segment`, 'the counter follows');
  assert.equal(byLabel(root, 'Send').disabled, false);

  text.value = 'Hi Ana,';
  button.click();
  await flush();
  options(root)[2].click();
  await flush();
  assert.equal(text.value, `Hi Ana, ${TEMPLATES[2].text}`, 'a draft gets the template after a space');
  assert.deepEqual(backend.log.filter(([n]) => n === 'measureSms').at(-1), ['measureSms', text.value]);

  backend.emit('navigate', { view: 'messages', number: '+14155550199' });
  await flush();
  templatesButton(root).click();
  await flush();
  assert.equal(options(root).length, 3);
  assert.equal(backend.log.filter(([n]) => n === 'smsTemplates').length, 1, 'read once per window, whatever the thread');
  assert.equal(backend.log.filter(([n]) => n === 'sendSms').length, 0, 'choosing never sends');
});

test('Esc closes the list and keeps the thread open; arrows move between templates', async () => {
  const { root, app } = await thread();
  templatesButton(root).click();
  await flush();
  const [first, second] = options(root);
  first.dispatchEvent({ type: 'keydown', key: 'ArrowDown' });
  assert.equal(doc().activeElement, second);
  second.dispatchEvent({ type: 'keydown', key: 'ArrowUp' });
  assert.equal(doc().activeElement, first);
  first.dispatchEvent({ type: 'keydown', key: 'Escape' });
  assert.equal(panel(root).hidden, true, 'Esc closes the list');
  assert.equal(doc().activeElement, templatesButton(root), 'focus goes back to the button');
  assert.equal(byClass(root, 'thread-pane')[0].hidden, false, 'the thread stays open');
  assert.equal(app.store.get().view, 'messages');
});

test('a failed read is a toast and the picker tries again on the next open', async () => {
  let fail = true;
  const backend = fakeBackend({
    smsTemplates: () => {
      backend.log.push(['smsTemplates']);
      return fail ? Promise.reject({ code: 'offline', message: 'RingCentral cannot be reached', hint: 'Check the connection' }) : Promise.resolve(structuredClone(TEMPLATES));
    },
  });
  const { root } = await thread(backend);
  templatesButton(root).click();
  await flush();
  const alert = findAll(root, (el) => el.getAttribute('role') === 'alert')[0];
  assert.match(alert.textContent, /RingCentral cannot be reached/);
  assert.equal(panel(root).hidden, true);
  assert.equal(templatesButton(root).disabled, false, 'still usable');
  fail = false;
  templatesButton(root).click();
  await flush();
  assert.equal(options(root).length, 3, 'the second open reads them');
  assert.equal(backend.log.filter(([n]) => n === 'smsTemplates').length, 2);
});

test('a hostile template name and text stay text', async () => {
  const backend = fakeBackend({ smsTemplates: async () => [{ id: 'x', name: hostile, text: `${hostile} <b>hi</b>`, scope: 'built_in' }] });
  const { root } = await thread(backend);
  templatesButton(root).click();
  await flush();
  assert.deepEqual(byClass(root, 'template-group-label').map((el) => el.textContent), ['Built-in'], 'built-in ones are labelled');
  assert.equal(byClass(root, 'template-name')[0].textContent, hostile);
  assert.equal(byClass(root, 'template-preview')[0].textContent, `${hostile} <b>hi</b>`);
  options(root)[0].click();
  await flush();
  assert.equal(byLabel(root, 'Message').value, `${hostile} <b>hi</b>`);
  assert.equal(findAll(root, (el) => el.tagName === 'IMG' || el.tagName === 'B').length, 0, 'no element is ever made from text');
});

test('no templates in the account says so', async () => {
  const { root } = await thread(fakeBackend({ smsTemplates: async () => [] }));
  templatesButton(root).click();
  await flush();
  assert.equal(byClass(root, 'template-empty')[0].textContent, 'No templates in this account.');
});
