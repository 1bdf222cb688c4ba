// Settings → Messaging → My SMS templates: the agent's personal templates to edit (Save, Delete),
// a New template form, the company's templates read-only; one request at a time, the list read
// again after every change, refusals shown as toasts with the edits kept, and the composer's
// Templates list reading the change.

import { test } from 'node:test';
import assert from 'node:assert/strict';

import { byLabel, findAll } from './fake-dom.js';
import { flush, started } from './harness.js';
import { TEMPLATES, fakeBackend } from './fake-backend.js';

const byClass = (root, name) => findAll(root, (el) => el.className.split(' ').includes(name));
const button = (root, text) => findAll(root, (el) => el.tagName === 'BUTTON' && el.textContent === text)[0];
const calls = (backend, name) => backend.log.filter(([n]) => n === name).map(([, ...args]) => args);
const rowNames = (root) => findAll(root, (el) => /^Template \d+ name$/.test(el.getAttribute('aria-label') ?? '')).map((el) => el.value);
const rowTexts = (root) => findAll(root, (el) => /^Template \d+ text$/.test(el.getAttribute('aria-label') ?? '')).map((el) => el.value);
const alerts = (root) => findAll(root, (el) => el.getAttribute('role') === 'alert').map((el) => el.textContent);
const notes = (root) => findAll(root, (el) => el.getAttribute('role') === 'status').map((el) => el.textContent);
const hostile = '<img src=x onerror=alert(1)>';

async function settingsShown(backend = fakeBackend()) {
  const window = await started(backend);
  window.app.show('settings');
  await flush();
  return window;
}

/** Types `value` into `el` as the agent would. */
function type(el, value) {
  el.value = value;
  el.dispatchEvent({ type: 'input' });
}

/** A promise with its resolve, for a request held in flight. */
function gate() {
  let open;
  const promise = new Promise((resolve) => (open = resolve));
  return { promise, open };
}

test('personal templates are editable, company ones listed read-only, all as text', async () => {
  const mine = { id: 'p9', name: hostile, text: `${hostile} <b>hi</b>`, scope: 'personal' };
  const theirs = { id: 'c9', name: `${hostile} co`, text: 'line one\nline two', scope: 'company' };
  const builtIn = { id: 'b1', name: 'Built in', text: 'x', scope: 'built_in' };
  const { root } = await settingsShown(fakeBackend({ smsTemplates: async () => [...TEMPLATES, mine, theirs, builtIn] }));
  assert.ok(findAll(root, (el) => el.textContent === 'My SMS templates' && el.tagName === 'H3').length, 'the section is there');
  assert.deepEqual(rowNames(root), ['Running late', hostile], 'the personal templates, names editable');
  assert.deepEqual(rowTexts(root), [TEMPLATES[2].text, `${hostile} <b>hi</b>`]);
  assert.equal(byLabel(root, 'Save template 1').disabled, true, 'nothing to save before an edit');
  assert.equal(byLabel(root, 'Delete template 1').disabled, false);
  const company = byClass(root, 'template-editor-company-row');
  assert.deepEqual(
    company.map((row) => [byClass(row, 'template-name')[0].textContent, byClass(row, 'template-preview')[0].textContent]),
    [['Office hours', TEMPLATES[0].text], ['Directions', 'We are at 1 Market St, suite 200 — ring the bell.'], [`${hostile} co`, 'line one line two']],
    'company templates: name and a one-line preview',
  );
  assert.equal(findAll(byClass(root, 'template-editor-company')[0], (el) => ['INPUT', 'TEXTAREA', 'BUTTON'].includes(el.tagName)).length, 0, 'read-only');
  assert.equal(findAll(root, (el) => el.textContent === 'Built in').length, 0, 'built-in ones are not the agent\'s to edit');
  assert.equal(findAll(root, (el) => el.tagName === 'IMG' || el.tagName === 'B').length, 0, 'no element is ever made from text');
});

test('Add is off while the name or text is blank and creates once on a double click', async () => {
  const backend = fakeBackend();
  const held = gate();
  const create = backend.createTemplate;
  backend.createTemplate = (...args) => held.promise.then(() => create(...args));
  const { root } = await settingsShown(backend);
  const add = button(root, 'Add template');
  const name = byLabel(root, 'Template name');
  const text = byLabel(root, 'Template text');
  assert.equal(add.disabled, true, 'blank form');
  type(name, 'Follow-up');
  assert.equal(add.disabled, true, 'no text yet');
  type(text, '   ');
  assert.equal(add.disabled, true, 'a blank text is no text');
  type(text, `Thanks for calling ${hostile}`);
  assert.equal(add.disabled, false);
  add.click();
  add.click();
  await flush();
  assert.equal(add.disabled, true, 'off while the request runs');
  assert.equal(byLabel(root, 'Delete template 1').disabled, true, 'every change waits');
  held.open();
  await flush();
  await flush();
  assert.deepEqual(calls(backend, 'createTemplate'), [['Follow-up', `Thanks for calling ${hostile}`]], 'created once');
  assert.deepEqual(rowNames(root), ['Running late', 'Follow-up'], 'the list is read again');
  assert.deepEqual(rowTexts(root)[1], `Thanks for calling ${hostile}`);
  assert.equal(name.value, '', 'the form is ready for another');
  assert.equal(text.value, '');
  assert.equal(add.disabled, true);
  assert.equal(byLabel(root, 'Delete template 1').disabled, false, 'on again');
  assert.equal(globalThis.document.activeElement, name);
  assert.ok(notes(root).includes('Template added'));
  assert.equal(findAll(root, (el) => el.tagName === 'IMG').length, 0);
});

test('Save sends the edited name and text and shows what was saved', async () => {
  const backend = fakeBackend();
  const { root } = await settingsShown(backend);
  const save = byLabel(root, 'Save template 1');
  type(byLabel(root, 'Template 1 name'), '  Late  ');
  assert.equal(save.disabled, false, 'an edit can be saved');
  type(byLabel(root, 'Template 1 text'), '');
  assert.equal(save.disabled, true, 'not with a blank text');
  type(byLabel(root, 'Template 1 text'), 'Running 5 minutes late.');
  save.click();
  save.click();
  await flush();
  await flush();
  assert.deepEqual(calls(backend, 'updateTemplate'), [['p1', 'Late', 'Running 5 minutes late.']], 'once, with the edited values');
  assert.deepEqual(rowNames(root), ['Late']);
  assert.deepEqual(rowTexts(root), ['Running 5 minutes late.']);
  assert.equal(byLabel(root, 'Save template 1').disabled, true, 'saved: nothing left to save');
  assert.ok(notes(root).includes('Template saved'));
});

test('Delete removes the template, and Undo puts it back', async () => {
  const backend = fakeBackend();
  const { root } = await settingsShown(backend);
  byLabel(root, 'Delete template 1').click();
  await flush();
  await flush();
  assert.deepEqual(calls(backend, 'deleteTemplate'), [['p1']]);
  assert.deepEqual(rowNames(root), [], 'gone from the list');
  assert.ok(findAll(root, (el) => el.textContent === 'No templates of your own yet.').length);
  assert.equal(byClass(root, 'template-editor-company-row').length, 2, 'company templates untouched');
  assert.equal(globalThis.document.activeElement, byLabel(root, 'Template name'), 'focus stays in the section');
  button(root, 'Undo').click();
  await flush();
  await flush();
  assert.deepEqual(calls(backend, 'createTemplate'), [['Running late', TEMPLATES[2].text]]);
  assert.deepEqual(rowNames(root), ['Running late'], 'back');
});

test('a refused change is a toast and what the agent typed stays', async () => {
  const backend = fakeBackend();
  const { root } = await settingsShown(backend);
  // A row edited but not saved survives the list being read again after another change.
  type(byLabel(root, 'Template 1 text'), 'Running 20 minutes late, sorry!');
  type(byLabel(root, 'Template name'), 'Directions');
  type(byLabel(root, 'Template text'), 'Take exit 4.');
  button(root, 'Add template').click();
  await flush();
  await flush();
  assert.deepEqual(rowNames(root), ['Running late', 'Directions']);
  assert.equal(rowTexts(root)[0], 'Running 20 minutes late, sorry!', 'the unsaved edit is kept');
  assert.equal(byLabel(root, 'Save template 1').disabled, false, 'and can still be saved');

  type(byLabel(root, 'Template name'), 'directions');
  type(byLabel(root, 'Template text'), 'Again');
  button(root, 'Add template').click();
  await flush();
  assert.match(alerts(root).at(-1), /already have a template named “directions”.*Pick another name/);
  assert.equal(byLabel(root, 'Template name').value, 'directions', 'the form keeps its values');
  assert.equal(byLabel(root, 'Template text').value, 'Again');
  assert.equal(button(root, 'Add template').disabled, false, 'can be tried again');

  type(byLabel(root, 'Template 2 name'), 'Running late');
  byLabel(root, 'Save template 2').click();
  await flush();
  assert.match(alerts(root).at(-1), /already have a template named “Running late”/);
  assert.deepEqual(rowNames(root), ['Running late', 'Running late'], 'the edit stays in its row');
  assert.equal(byLabel(root, 'Save template 2').disabled, false);

  backend.templates.forbidden = true;
  type(byLabel(root, 'Template name'), 'Fresh');
  button(root, 'Add template').click();
  await flush();
  assert.match(alerts(root).at(-1), /does not allow personal SMS templates.*RingCentral admin/);
  assert.equal(byLabel(root, 'Template name').value, 'Fresh');
  assert.equal(calls(backend, 'createTemplate').length, 3);
  assert.equal(calls(backend, 'updateTemplate').length, 1);
});

test('Add is off at 25 templates of the agent\'s own', async () => {
  const backend = fakeBackend();
  for (let i = 1; i < 25; i++) await backend.templates.create(`T${i}`, `Text ${i}`);
  const { root } = await settingsShown(backend);
  assert.equal(rowNames(root).length, 25);
  type(byLabel(root, 'Template name'), 'One more');
  type(byLabel(root, 'Template text'), 'Too many');
  assert.equal(button(root, 'Add template').disabled, true, '25 is the most');
  byLabel(root, 'Delete template 25').click();
  await flush();
  await flush();
  assert.equal(button(root, 'Add template').disabled, false, 'room again after a deletion');
});

test('a list that cannot be read says so in the section', async () => {
  const backend = fakeBackend({ smsTemplates: () => Promise.reject({ code: 'offline', message: 'RingCentral cannot be reached', hint: 'Check the connection' }) });
  const { root } = await settingsShown(backend);
  assert.ok(notes(root).includes('Templates could not be read: RingCentral cannot be reached Check the connection'));
});

test('after a change the composer\'s Templates list reads the templates again', async () => {
  const backend = fakeBackend();
  const { root, app } = await started(backend);
  const reads = () => calls(backend, 'smsTemplates').length;
  const openPicker = async () => {
    backend.emit('navigate', { view: 'messages', number: '+14155550177' });
    await flush();
    assert.equal(byClass(root, 'template-panel')[0].hidden, true, 'the list starts closed');
    button(root, 'Templates').click();
    await flush();
    const names = byClass(root, 'template-option').map((el) => el.getAttribute('aria-label'));
    if (close) button(root, 'Templates').click();
    return names;
  };
  let close = true;
  assert.deepEqual(await openPicker(), TEMPLATES.map((t) => t.name));
  assert.equal(reads(), 1);

  app.show('settings');
  await flush();
  assert.equal(reads(), 2, 'Settings reads the list itself');
  assert.deepEqual(await openPicker(), TEMPLATES.map((t) => t.name));
  assert.equal(reads(), 2, 'no change: the composer keeps what it read');

  app.show('settings');
  await flush();
  type(byLabel(root, 'Template name'), 'Follow-up');
  type(byLabel(root, 'Template text'), 'Thanks for calling.');
  button(root, 'Add template').click();
  await flush();
  await flush();
  const before = reads();
  assert.deepEqual(await openPicker(), [...TEMPLATES.map((t) => t.name), 'Follow-up'], 'the new template is offered');
  assert.equal(reads(), before + 1, 'read again once');

  // A list left open while Settings changes a template closes: it never offers one deleted.
  close = false;
  await openPicker();
  close = true;
  app.show('settings');
  await flush();
  byLabel(root, 'Delete template 1').click();
  await flush();
  await flush();
  assert.deepEqual(await openPicker(), ['Office hours', 'Directions', 'Follow-up'], 'a deletion reaches it too');
});
