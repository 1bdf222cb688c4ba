// Settings → My SMS templates: the agent's personal templates (from `sms_templates`, scope
// 'personal'), each its name and text to edit with Save and Delete, a "New template" form, and
// the company's templates read-only below, so the agent sees what the composer offers. Every
// change reads the list again and makes the composer's picker read it too. One request at a
// time: the buttons are off while one runs. A refused change is a toast; what the agent typed
// stays, in the form and in every row not saved yet.

import { h, replaceChildren } from '../lib/dom.js';
import { templatePreview } from '../lib/sms.js';
import { forgetTemplates } from './sms-templates.js';

/** The most personal templates RingCentral keeps for an agent (the backend refuses more). */
export const MOST_PERSONAL_TEMPLATES = 25;
/** The longest template text, in UTF-16 units (one SMS as RingCentral takes it). */
const MOST_UNITS = 1000;

const blank = (value) => String(value ?? '').trim() === '';

/** @param {{ backend: any, toast: Function }} ctx */
export function createTemplatesEditor({ backend, toast }) {
  let personal = []; // TemplateView[] with scope 'personal', as last read
  let company = [];
  const drafts = new Map(); // template id → { name, text } the agent changed and has not saved
  let busy = false; // a create, update or delete is running
  let reads = 0; // the latest read wins
  let rows = []; // { id, name, text, save, remove } per personal template shown

  const list = h('ol', { class: 'template-editor-list', 'aria-labelledby': 'my-templates-title' });
  const loadNote = h('p', { class: 'muted template-editor-note', role: 'status' });
  const newName = h('input', { id: 'new-template-name', type: 'text', autocomplete: 'off', placeholder: 'e.g. Running late' });
  const newText = h('textarea', { id: 'new-template-text', rows: '3', maxlength: String(MOST_UNITS), placeholder: 'What it puts in the message' });
  const add = h('button', { type: 'button', class: 'primary', onClick: () => void create() }, 'Add template');
  newName.addEventListener('input', updateButtons);
  newText.addEventListener('input', updateButtons);
  const companyList = h('ul', { class: 'template-editor-company', 'aria-labelledby': 'company-templates-title' });

  const element = h(
    'div',
    { class: 'template-editor', role: 'group', 'aria-labelledby': 'my-templates-title', 'aria-describedby': 'my-templates-note' },
    h('h3', { class: 'subhead', id: 'my-templates-title' }, 'My SMS templates'),
    h('p', { class: 'muted template-editor-note', id: 'my-templates-note' }, `Yours, offered under Personal by the composer's Templates button; at most ${MOST_PERSONAL_TEMPLATES}.`),
    loadNote,
    list,
    h(
      'div',
      { class: 'template-editor-new', role: 'group', 'aria-labelledby': 'new-template-title' },
      h('h4', { class: 'subhead', id: 'new-template-title' }, 'New template'),
      h('div', { class: 'field' }, h('label', { for: 'new-template-name' }, 'Template name'), newName),
      h('div', { class: 'field' }, h('label', { for: 'new-template-text' }, 'Template text'), newText),
      h('div', { class: 'template-editor-actions' }, add),
    ),
    h('h3', { class: 'subhead', id: 'company-templates-title' }, 'Company templates'),
    companyList,
  );

  function rebuild() {
    rows = [];
    replaceChildren(list, personal.length === 0 ? h('li', { class: 'muted template-editor-empty' }, 'No templates of your own yet.') : personal.map((t, i) => row(t, i)));
    replaceChildren(
      companyList,
      company.length === 0
        ? h('li', { class: 'muted template-editor-empty' }, 'No company templates in this account.')
        : company.map((t) => h('li', { class: 'template-editor-company-row' }, h('span', { class: 'template-name' }, t.name), h('span', { class: 'template-preview' }, templatePreview(t.text)))),
    );
    updateButtons();
  }

  function row(template, i) {
    const n = i + 1;
    const draft = drafts.get(template.id);
    const name = h('input', { type: 'text', autocomplete: 'off', 'aria-label': `Template ${n} name` });
    const text = h('textarea', { rows: '2', maxlength: String(MOST_UNITS), 'aria-label': `Template ${n} text` });
    name.value = draft?.name ?? template.name;
    text.value = draft?.text ?? template.text;
    const edited = () => {
      if (name.value === template.name && text.value === template.text) drafts.delete(template.id);
      else drafts.set(template.id, { name: name.value, text: text.value });
      updateButtons();
    };
    name.addEventListener('input', edited);
    text.addEventListener('input', edited);
    const save = h('button', { type: 'button', 'aria-label': `Save template ${n}`, onClick: () => void update(template, name.value, text.value) }, 'Save');
    const remove = h('button', { type: 'button', class: 'link-button', 'aria-label': `Delete template ${n}`, onClick: () => void destroy(template, i) }, 'Delete');
    rows.push({ id: template.id, template, name, text, save, remove });
    return h('li', { class: 'template-editor-row' }, h('div', { class: 'template-editor-fields' }, name, text), h('div', { class: 'template-editor-actions' }, save, remove));
  }

  /** Every button as it may be now: off while a request runs, Save only with a change, nothing blank. */
  function updateButtons() {
    add.disabled = busy || blank(newName.value) || blank(newText.value) || personal.length >= MOST_PERSONAL_TEMPLATES;
    for (const r of rows) {
      const changed = r.name.value !== r.template.name || r.text.value !== r.template.text;
      r.save.disabled = busy || !changed || blank(r.name.value) || blank(r.text.value);
      r.remove.disabled = busy;
    }
  }

  /** Runs one change; on success the list (and the composer's) is read again. */
  async function change(request, done) {
    if (busy) return;
    busy = true;
    updateButtons();
    try {
      const answer = await request();
      forgetTemplates();
      done(answer);
      await refresh();
      return true;
    } catch (error) {
      toast(error.message, error.hint, 'error');
      return false;
    } finally {
      busy = false;
      updateButtons();
    }
  }

  async function create() {
    const name = newName.value.trim();
    const text = newText.value;
    if (blank(name) || blank(text)) return;
    const created = await change(
      () => backend.createTemplate(name, text),
      () => {
        newName.value = '';
        newText.value = '';
        toast('Template added');
      },
    );
    if (created) newName.focus();
  }

  async function update(template, name, text) {
    const saved = await change(
      () => backend.updateTemplate(template.id, name.trim(), text),
      () => {
        drafts.delete(template.id);
        toast('Template saved');
      },
    );
    if (saved) rows.find((r) => r.id === template.id)?.name.focus();
  }

  async function destroy(template, i) {
    const deleted = await change(
      () => backend.deleteTemplate(template.id),
      () => {
        drafts.delete(template.id);
        toast(`Template “${template.name}” deleted`, '', 'info', [{ label: 'Undo', run: () => void undo(template) }]);
      },
    );
    if (deleted) (rows[Math.min(i, rows.length - 1)]?.name ?? newName).focus();
  }

  /** Puts a deleted template back (as a new one: RingCentral gives it another id). */
  function undo(template) {
    return change(
      () => backend.createTemplate(template.name, template.text),
      () => toast('Template restored'),
    );
  }

  /** Reads the templates again and shows them; edits not saved stay in their rows. */
  async function refresh() {
    const at = ++reads;
    try {
      const all = await backend.smsTemplates();
      if (at !== reads) return;
      const templates = Array.isArray(all) ? all : [];
      personal = templates.filter((t) => t.scope === 'personal');
      company = templates.filter((t) => t.scope === 'company');
      for (const id of drafts.keys()) if (!personal.some((t) => t.id === id)) drafts.delete(id);
      loadNote.textContent = '';
      rebuild();
    } catch (error) {
      if (at !== reads) return;
      loadNote.textContent = `Templates could not be read: ${error.message} ${error.hint ?? ''}`.trim();
    }
  }

  rebuild();
  return { element, show: refresh };
}
