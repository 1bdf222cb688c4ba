// SMS templates in the composer: a "Templates" button opening a list of the account's templates
// (company, personal, built-in; read once per window and kept until `forgetTemplates()` says
// they changed), each its name and a one-line preview. Choosing one hands its text to the
// composer. Arrows move, Esc closes; names and texts are rendered as text.

import { h, replaceChildren } from '../lib/dom.js';
import { groupTemplates, templatePreview } from '../lib/sms.js';

/** Bumped when the agent changed templates (Settings); a picker holding older ones reads again. */
let generation = 0;
/** Closes each picker's list if it is open (it shows what was read before the change). */
const closers = new Set();

/** The templates changed: every picker reads them again on its next open. */
export function forgetTemplates() {
  generation += 1;
  for (const close of closers) close();
}

/**
 * @param {{ backend: any, toast: Function }} ctx
 * @param {(text: string) => void} onChoose puts the text in the composer
 */
export function createTemplatePicker({ backend, toast }, onChoose) {
  let templates = null; // TemplateView[], once read
  let loading = null; // the read in flight (forgotten when it fails, so the next open retries)
  let readAt = generation; // the generation `templates` and `loading` belong to
  let options = [];

  const button = h(
    'button',
    { type: 'button', class: 'template-button', 'aria-expanded': 'false', 'aria-controls': 'sms-templates', onClick: () => (panel.hidden ? void open() : close()) },
    'Templates',
  );
  const panel = h('div', { id: 'sms-templates', class: 'template-panel', role: 'group', 'aria-label': 'SMS templates', hidden: true });
  const element = h('div', { class: 'template-picker' }, button, panel);

  function load() {
    if (readAt !== generation) {
      // Changed since: what was read (or is being read) is stale.
      readAt = generation;
      templates = null;
      loading = null;
    }
    const at = readAt;
    loading ??= Promise.resolve()
      .then(() => backend.smsTemplates())
      .then(
        (list) => {
          const read = Array.isArray(list) ? list : [];
          if (at === readAt) templates = read;
          return read;
        },
        (error) => {
          if (at === readAt) loading = null;
          throw error;
        },
      );
    return loading;
  }

  async function open() {
    if (button.disabled) return;
    panel.hidden = false;
    button.setAttribute('aria-expanded', 'true');
    if (!templates || readAt !== generation) {
      replaceChildren(panel, h('p', { class: 'template-empty muted' }, 'Loading templates…'));
      try {
        await load();
      } catch (error) {
        close(false);
        toast(error.message, error.hint, 'error');
        return;
      }
      if (panel.hidden) return; // closed while reading
    }
    render();
    options[0]?.focus();
  }

  function render() {
    options = [];
    const groups = groupTemplates(templates);
    replaceChildren(
      panel,
      groups.length === 0
        ? h('p', { class: 'template-empty muted' }, 'No templates in this account.')
        : groups.map((group) =>
            h(
              'div',
              { class: 'template-group', role: 'group', 'aria-labelledby': `sms-templates-${group.scope}` },
              h('p', { class: 'template-group-label', id: `sms-templates-${group.scope}` }, group.label),
              h('ul', { class: 'template-list' }, group.templates.map((t) => h('li', {}, option(t)))),
            ),
          ),
    );
  }

  function option(template) {
    const i = options.length;
    const el = h(
      'button',
      {
        type: 'button',
        class: 'template-option',
        'aria-label': template.name,
        'aria-describedby': `sms-template-${i}-preview`,
        dataset: { scope: template.scope },
        onClick: () => choose(template),
      },
      h('span', { class: 'template-name' }, template.name),
      h('span', { class: 'template-preview', id: `sms-template-${i}-preview` }, templatePreview(template.text)),
    );
    options.push(el);
    return el;
  }

  function choose(template) {
    close(false);
    onChoose(String(template.text ?? ''));
  }

  function close(refocus = true) {
    if (panel.hidden) return;
    panel.hidden = true;
    button.setAttribute('aria-expanded', 'false');
    if (refocus) button.focus();
  }

  function move(step) {
    if (options.length === 0) return;
    const at = options.indexOf(document.activeElement);
    options[(at + step + options.length) % options.length].focus();
  }

  element.addEventListener('keydown', (event) => {
    if (panel.hidden) return;
    if (event.key === 'Escape') {
      // Esc closes the list only: the thread stays open.
      event.preventDefault();
      event.stopPropagation?.();
      close(true);
    } else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      move(event.key === 'ArrowDown' ? 1 : -1);
    }
  });
  element.addEventListener('focusout', (event) => {
    if (event.relatedTarget && !element.contains?.(event.relatedTarget)) close(false);
  });
  // One picker per window (the composer's), so this set stays small.
  closers.add(() => close(false));

  return {
    element,
    open,
    close,
    /** Disables the picker, with the id of the element saying why; null enables it again. */
    block(reasonId) {
      button.disabled = Boolean(reasonId);
      if (reasonId) {
        button.setAttribute('aria-describedby', reasonId);
        close(false);
      } else button.removeAttribute('aria-describedby');
    },
    get isOpen() {
      return !panel.hidden;
    },
  };
}
