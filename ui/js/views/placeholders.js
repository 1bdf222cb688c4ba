// History, Messages and Contacts before sync exists: honest empty states, never sample data.

import { h } from '../lib/dom.js';

function emptyView(id, label, icon, title, body) {
  return {
    id,
    label,
    icon,
    create() {
      const element = h(
        'section',
        { class: 'view', 'aria-labelledby': `${id}-title` },
        h('h1', { id: `${id}-title` }, label),
        h('div', { class: 'empty' }, h('p', {}, title), h('p', { class: 'muted' }, body)),
      );
      return { element, focus: () => element.querySelector?.('h1')?.focus?.() };
    },
  };
}

export const historyView = emptyView(
  'history',
  'History',
  'history',
  'No calls yet.',
  'Your RingCentral call log will be kept here, searchable offline, once syncing arrives in ringdesk.',
);

export const messagesView = emptyView(
  'messages',
  'Messages',
  'messages',
  'No conversations yet.',
  'SMS threads with your customers will appear here once messaging arrives in ringdesk.',
);

export const contactsView = emptyView(
  'contacts',
  'Contacts',
  'contacts',
  'No contacts yet.',
  'RingCentral personal contacts, the company directory and imported contacts will be listed here.',
);
