// Contacts: search first; rows with initials, name, company and primary number; a contact page
// with every number (Call / Text / Add to a call list / Do not call; marked when the customer opted out of
// texts), email, source, a Chat button for a colleague from the company directory (their direct
// team chat) and the timeline of calls (with their wrap-ups' outcome and notes) and messages; a new-contact form (New contact, or a caller nobody knows).

import { h, icon, replaceChildren } from '../lib/dom.js';
import { dayKey, dayLabel, formatDuration, formatTime } from '../lib/format.js';
import { latest } from '../lib/debounce.js';
import { optOutNotice } from '../lib/sms.js';
import { contactForm } from './contact-form.js';
import { createVirtualList } from '../lib/virtual-list.js';

export const contactsView = { id: 'contacts', label: 'Contacts', icon: 'contacts', create };

const PAGE = 100;
const SOURCES = { personal: 'RingCentral contact', directory: 'Company directory', local: 'Imported', suitedash: 'SuiteDash' };

/** Up to two initials for an avatar: `Ana Silva` → `AS`; digits or nothing → `#`. */
function initials(name) {
  const letters = String(name ?? '')
    .split(/\s+/)
    .map((part) => [...part].find((c) => /\p{L}/u.test(c)))
    .filter(Boolean);
  if (letters.length === 0) return '#';
  return (letters[0] + (letters.length > 1 ? letters[letters.length - 1] : '')).toUpperCase();
}

function create(ctx) {
  const { backend } = ctx;
  let cursor = null;
  const search = h('input', { id: 'contacts-search', type: 'search', placeholder: 'Search name, company or number', autocomplete: 'off' });
  const empty = h('p', { class: 'empty', hidden: true });
  const fetchPage = latest((args) => backend.contacts(...args));
  const list = createVirtualList({
    label: 'Contacts',
    heightOf: () => 56,
    render: (c) => contactRow(c),
    loadMore: async () => {
      if (cursor === undefined) return null;
      const answer = await fetchPage([search.value.trim(), cursor, PAGE]);
      if (answer.stale) return [];
      if (answer.error) {
        ctx.toast(answer.error.message, answer.error.hint, 'error');
        cursor = undefined;
        return null;
      }
      cursor = answer.value.next ?? undefined;
      return answer.value.rows;
    },
  });
  const listPane = h(
    'div',
    { class: 'pane' },
    h('div', { class: 'view-header' }, h('h1', { id: 'contacts-title' }, 'Contacts'), h('button', { type: 'button', class: 'new-contact', onClick: () => openForm('') }, 'New contact')),
    h('label', { for: 'contacts-search', class: 'visually-hidden' }, 'Search contacts'),
    search,
    empty,
    list.element,
  );
  const page = h('div', { class: 'pane contact-page', hidden: true });
  const element = h('section', { class: 'view contacts', 'aria-labelledby': 'contacts-title' }, listPane, page);

  async function reload() {
    cursor = null;
    await list.reset();
    empty.hidden = list.size > 0;
    empty.textContent = search.value.trim() ? 'No contacts match.' : 'No contacts yet. They appear after the first sync, or import a CSV.';
  }

  function contactRow(c) {
    return h(
      'button',
      { type: 'button', class: 'vlist-row contact-row', role: 'listitem', onClick: () => void openContact(c.id) },
      h('span', { class: 'avatar', 'aria-hidden': 'true' }, initials(c.name)),
      h('span', { class: 'contact-who' }, h('span', { class: 'contact-name' }, c.name || c.display), h('span', { class: 'muted' }, [c.company, c.display].filter(Boolean).join(' · '))),
    );
  }

  /** Shows the new-contact form in the page pane, `number` prefilled. */
  function openForm(number) {
    const form = contactForm(ctx, {
      number,
      onSaved: (contact) => {
        renderPage(contact);
        void reload();
      },
      onCancel: () => closePage(),
    });
    replaceChildren(page, form.element);
    page.hidden = false;
    element.dataset.open = 'true';
    form.focus();
  }

  async function openContact(id) {
    try {
      const c = await backend.contact(id);
      renderPage(c);
    } catch (error) {
      ctx.toast(error.message, error.hint, 'error');
    }
  }

  function renderPage(c) {
    const back = h('button', { type: 'button', class: 'icon-button', 'aria-label': 'Back to contacts', onClick: closePage }, icon('back'));
    // A colleague from the company directory: their direct team chat, made if need be.
    const chat = c.person_id
      ? h('button', { type: 'button', id: 'contact-chat', class: 'contact-chat', title: `Chat with ${c.name}`, onClick: () => void chatWith(chat, c.person_id) }, icon('chats'), h('span', {}, 'Chat'))
      : null;
    replaceChildren(
      page,
      h('div', { class: 'thread-header' }, back, h('span', { class: 'avatar large', 'aria-hidden': 'true' }, initials(c.name)), h('div', { class: 'thread-who' }, h('h2', {}, c.name), h('span', { class: 'muted' }, c.company ?? '')), chat),
      h(
        'ul',
        { class: 'numbers', 'aria-label': 'Numbers' },
        c.numbers.map((n) =>
          h(
            'li',
            {},
            h('span', { class: 'number-label muted' }, n.label),
            h('span', { class: 'number-value' }, n.display),
            // A customer who opted out of texts is marked; the thread says what they can do.
            n.optedOut ? h('span', { class: 'opt-out-badge', title: optOutNotice(n.optedOut) }, 'No texts (opted out)') : null,
            h('button', { type: 'button', class: 'icon-button small', 'aria-label': `Call ${n.display}`, onClick: () => ctx.dial(n.dial, true) }, icon('call')),
            h('button', { type: 'button', class: 'icon-button small', 'aria-label': n.optedOut ? `Text ${n.display} (opted out of texts)` : `Text ${n.display}`, onClick: () => ctx.text(n.dial) }, icon('messages')),
            h('button', { type: 'button', class: 'icon-button small', 'aria-label': `Add ${n.display} to a call list`, onClick: () => ctx.addToList([{ number: n.dial, name: c.name, note: '' }]) }, icon('list-add')),
            h('button', { type: 'button', class: 'small never-call', 'aria-label': `Never call ${n.display}`, title: 'Put this number on the do-not-call list', onClick: () => void neverCall(n, c) }, 'Do not call'),
          ),
        ),
      ),
      h('dl', { class: 'facts' }, c.email ? [h('dt', {}, 'Email'), h('dd', {}, c.email)] : null, h('dt', {}, 'Source'), h('dd', {}, SOURCES[c.source] ?? c.source)),
      c.source === 'suitedash' ? tagsForm(c) : null,
      h('h3', {}, 'Timeline'),
      timeline(c.timeline),
    );
    page.hidden = false;
    element.dataset.open = 'true';
    back.focus();
  }

  /** A SuiteDash contact's tags: saved at once here, and sent to SuiteDash through the queue. */
  function tagsForm(c) {
    const input = h('input', { id: 'contact-tags', type: 'text', autocomplete: 'off', value: c.tags ?? '', placeholder: 'vip, renewal' });
    const save = async () => {
      try {
        await backend.setSuitedashTags(c.id, input.value.trim());
        ctx.toast('Tags saved', 'They reach SuiteDash now, or once it is reachable.');
      } catch (error) {
        ctx.toast(error.message, error.hint, 'error');
      }
    };
    return h(
      'form',
      { class: 'contact-tags', 'aria-label': 'SuiteDash tags', onSubmit: (e) => (e.preventDefault(), void save()) },
      h('div', { class: 'field' }, h('label', { for: 'contact-tags' }, 'Tags (SuiteDash, comma-separated)'), input),
      h('button', { type: 'submit' }, 'Save tags'),
    );
  }

  /** Puts a contact's number on the do-not-call list (Settings → Do not call takes it off). */
  async function neverCall(n, c) {
    try {
      const added = await backend.addDoNotCall(n.dial, `${c.name}'s contact page`);
      ctx.toast(`${added.number} will not be called`, 'Settings → Do not call takes it off the list.');
    } catch (error) {
      ctx.toast(error.message, error.hint, 'error');
    }
  }

  /** One chat opening per press (the button waits for it). */
  async function chatWith(button, personId) {
    if (button.disabled) return;
    button.disabled = true;
    try {
      await ctx.chatWith(personId);
    } finally {
      button.disabled = false;
    }
  }

  function closePage() {
    page.hidden = true;
    element.dataset.open = 'false';
    search.focus();
  }

  search.addEventListener('input', () => void reload());

  let loaded = false;
  return {
    element,
    focus: () => search.focus(),
    escape: () => !page.hidden && closePage(),
    async show() {
      if (!loaded) {
        loaded = true;
        await reload();
      }
    },
    reload,
    /** Opens a contact's page by id (the incoming-call banner's Open contact). */
    open: (id) => openContact(id),
    /** A caller with no contact yet: the list searched for their number, and the new-contact
     * form with it. */
    find(text) {
      search.value = text;
      openForm(text);
      if (loaded) return reload();
      return undefined; // the first show() loads it, with this search
    },
  };
}

function timeline(events) {
  if (!events.length) return h('p', { class: 'muted' }, 'No calls or messages with this contact yet.');
  let day = null;
  const items = [];
  for (const e of events) {
    const key = dayKey(e.time);
    if (key !== day) {
      day = key;
      items.push(h('li', { class: 'day-separator' }, dayLabel(key)));
    }
    const what =
      e.kind === 'call'
        ? `${e.direction === 'Inbound' ? 'Incoming' : 'Outgoing'} call · ${e.missed ? 'missed' : formatDuration(e.duration)}`
        : `${e.direction === 'Inbound' ? 'Received' : 'Sent'}: ${e.text}`;
    // A wrapped-up call shows its outcome and notes under it.
    const wrapped = e.kind === 'call' && (e.disposition || e.notes)
      ? h('span', { class: 'timeline-wrapup' }, [e.disposition, e.notes].filter(Boolean).join(' — '))
      : null;
    items.push(h('li', { class: 'timeline-item', dataset: { kind: e.kind } }, h('span', { class: 'muted' }, formatTime(e.time)), ' ', what, wrapped));
  }
  return h('ol', { class: 'timeline' }, items);
}
