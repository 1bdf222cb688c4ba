// The new-contact form: New contact opens it empty; a caller nobody knows opens it with their
// number; Save sends what was typed and opens the new contact's page; a refusal shows in the
// form, as text, and keeps the fields.

import { test } from 'node:test';
import assert from 'node:assert/strict';

import { findAll } from './fake-dom.js';
import { flush, started } from './harness.js';
import { fakeBackend } from './fake-backend.js';

const byId = (root, id) => findAll(root, (el) => el.id === id)[0];
const buttonNamed = (root, words) => findAll(root, (el) => el.tagName === 'BUTTON' && el.textContent === words)[0];

test('a caller nobody knows opens the form with their number; Save opens the new contact', async () => {
  const saved = { id: 42, name: 'Nora <b>Quist</b>', company: 'Acme', email: '', source: 'local', timeline: [], numbers: [{ label: 'mobile', display: '(415) 555-0188', dial: '+14155550188', optedOut: null }] };
  const backend = fakeBackend({ addContact: async (contact) => (backend.log.push(['addContact', contact]), saved) });
  const { root } = await started(backend);
  backend.emit('navigate', { view: 'contacts', number: '+14155550188', contact: null });
  await flush();
  assert.equal(byId(root, 'new-contact-number').value, '+14155550188');
  byId(root, 'new-contact-name').value = 'Nora Quist';
  byId(root, 'new-contact-company').value = 'Acme';
  findAll(root, (el) => el.tagName === 'FORM' && el.className === 'contact-form')[0].dispatchEvent({ type: 'submit', preventDefault() {} });
  await flush();
  const sent = backend.log.find(([n]) => n === 'addContact');
  assert.deepEqual(sent[1], { name: 'Nora Quist', company: 'Acme', email: '', number: '+14155550188', label: 'mobile' });
  const title = findAll(root, (el) => el.tagName === 'H2' && el.textContent === 'Nora <b>Quist</b>');
  assert.equal(title.length, 1, "the new contact's page, its name as text");
});

test('a refused contact shows why in the form and keeps what was typed', async () => {
  const backend = fakeBackend({
    addContact: async () => {
      throw { code: 'validation', message: 'a contact needs a name or a company', hint: "Type their name (or their company's), then save." };
    },
  });
  const { root } = await started(backend);
  backend.emit('navigate', { view: 'contacts' });
  await flush();
  buttonNamed(root, 'New contact').click();
  await flush();
  byId(root, 'new-contact-email').value = 'x@example.com';
  findAll(root, (el) => el.tagName === 'FORM' && el.className === 'contact-form')[0].dispatchEvent({ type: 'submit', preventDefault() {} });
  await flush();
  const problem = findAll(root, (el) => el.getAttribute('role') === 'alert' && el.className === 'form-error')[0];
  assert.equal(problem.hidden, false);
  assert.match(problem.textContent, /needs a name/);
  assert.equal(byId(root, 'new-contact-email').value, 'x@example.com', 'the fields keep what was typed');
});
