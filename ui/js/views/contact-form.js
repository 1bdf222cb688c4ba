// The new-contact form in the Contacts view: name, company, email, number (prefilled for a caller
// nobody knows) and its label. Save adds a local contact through the backend and opens its page;
// a refusal (no name, not a number) shows in the form, whose fields keep what was typed.

import { h } from '../lib/dom.js';

const LABELS = ['mobile', 'work', 'home', 'other'];

/**
 * @param {{ backend: any }} ctx
 * @param {{ number?: string, onSaved: (contact: any) => void, onCancel: () => void }} options
 */
export function contactForm({ backend }, { number = '', onSaved, onCancel }) {
  const input = (id, type, value = '') => {
    const el = h('input', { id, type, autocomplete: 'off' });
    el.value = value;
    return el;
  };
  const name = input('new-contact-name', 'text');
  const company = input('new-contact-company', 'text');
  const email = input('new-contact-email', 'email');
  const phone = input('new-contact-number', 'tel', number);
  const label = h('select', { id: 'new-contact-label' }, LABELS.map((l) => h('option', { value: l }, l)));
  label.value = LABELS[0];
  const problem = h('p', { class: 'form-error', role: 'alert', hidden: true });
  const save = h('button', { type: 'submit', class: 'primary' }, 'Save contact');
  const field = (id, words, control) => h('div', { class: 'field' }, h('label', { for: id }, words), control);
  const form = h(
    'form',
    { class: 'contact-form', 'aria-labelledby': 'new-contact-title', onSubmit: (e) => (e.preventDefault(), void submit()) },
    h('h2', { id: 'new-contact-title' }, 'New contact'),
    number ? h('p', { class: 'muted' }, `${number} is not in your contacts yet.`) : null,
    field('new-contact-name', 'Name', name),
    field('new-contact-company', 'Company', company),
    field('new-contact-email', 'Email', email),
    field('new-contact-number', 'Phone number', phone),
    field('new-contact-label', 'Number label', label),
    problem,
    h('div', { class: 'form-actions' }, save, h('button', { type: 'button', onClick: () => onCancel() }, 'Cancel')),
  );

  async function submit() {
    if (save.disabled) return;
    save.disabled = true;
    problem.hidden = true;
    try {
      const contact = await backend.addContact({ name: name.value, company: company.value, email: email.value, number: phone.value, label: label.value });
      onSaved(contact);
    } catch (error) {
      problem.textContent = [error.message, error.hint].filter(Boolean).join(' — ');
      problem.hidden = false;
    } finally {
      save.disabled = false;
    }
  }

  return { element: form, focus: () => name.focus() };
}
