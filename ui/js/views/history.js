// History: the synced call log, newest first, grouped by day, with filters, search, a sync
// indicator and one-click call back; each row also opens the call's wrap-up (any call, even one
// taken on another phone) and adds its number to a call list. Searching finds calls by their
// wrap-ups' notes too. Virtualised and paged: a 500 000-row cache scrolls like 50.
// Above it, the follow-ups promised in wrap-ups (Overdue, Today, Upcoming; each with Call, which
// puts the number in the dial view), read each time History is shown and after a wrap-up is
// saved; folded with its heading button, and not there at all when there are none.

import { h, icon, replaceChildren } from '../lib/dom.js';
import { formatDuration, formatTime, withDayHeaders } from '../lib/format.js';
import { latest } from '../lib/debounce.js';
import { createVirtualList } from '../lib/virtual-list.js';
import { followUpGroups, followUpWhen } from '../lib/wrap-up.js';
import { offersSuiteDash } from '../lib/crm.js';

export const historyView = { id: 'history', label: 'History', icon: 'history', create };

const FILTERS = [
  ['all', 'All'],
  ['missed', 'Missed'],
  ['inbound', 'Inbound'],
  ['outbound', 'Outbound'],
];
const PAGE = 100;

/** The icon and words for a call's direction and result. */
function callKind(row) {
  if (row.missed) return { icon: 'missed', words: 'Missed call', tone: 'missed' };
  return row.direction === 'Inbound'
    ? { icon: 'inbound', words: 'Incoming call', tone: 'in' }
    : { icon: 'outbound', words: 'Outgoing call', tone: 'out' };
}

function create(ctx) {
  const { backend, store } = ctx;
  let filter = 'all';
  let search = '';
  let cursor = null;
  let lastDay = null;

  const searchField = h('input', { id: 'history-search', type: 'search', placeholder: 'Search calls', autocomplete: 'off' });
  const chips = FILTERS.map(([id, label]) =>
    h('button', { type: 'button', class: 'chip', 'aria-pressed': String(id === filter), dataset: { filter: id }, onClick: () => setFilter(id) }, label),
  );
  const syncState = h('span', { class: 'sync-state', role: 'status', 'aria-live': 'polite' });
  const syncButton = h('button', { type: 'button', class: 'icon-button', 'aria-label': 'Sync now', onClick: () => void syncNow() }, icon('sync'));
  const empty = h('p', { class: 'empty', hidden: true });

  const list = createVirtualList({
    label: 'Calls',
    heightOf: (item) => (item.kind === 'day' ? 28 : 56),
    render: (item) => (item.kind === 'day' ? dayRow(item) : callRow(item.row, ctx)),
    loadMore: () => page(),
  });

  const fetchPage = latest((args) => backend.calls(...args));
  async function page() {
    if (cursor === undefined) return null;
    const answer = await fetchPage([filter, search, cursor, PAGE]);
    if (answer.stale) return [];
    if (answer.error) {
      ctx.toast(answer.error.message, answer.error.hint, 'error');
      cursor = undefined;
      return null;
    }
    const { rows, next } = answer.value;
    cursor = next ?? undefined;
    const { items, lastDay: day } = withDayHeaders(rows, lastDay);
    lastDay = day;
    return items;
  }

  async function reload() {
    cursor = null;
    lastDay = null;
    await list.reset();
    empty.hidden = list.size > 0;
    empty.textContent = search || filter !== 'all' ? 'No calls match.' : 'No calls yet. They appear here after the first sync.';
  }

  function setFilter(id) {
    filter = id;
    chips.forEach((chip) => chip.setAttribute('aria-pressed', String(chip.dataset.filter === id)));
    void reload();
  }

  async function syncNow() {
    try {
      await backend.syncNow();
    } catch (error) {
      ctx.toast(error.message, error.hint, 'error');
    }
  }

  searchField.addEventListener('input', () => {
    search = searchField.value.trim();
    void reload();
  });

  // Follow-ups: a disclosure above the calls.
  const followSummary = h('span', { class: 'follow-ups-summary' });
  const followToggle = h(
    'button',
    { type: 'button', class: 'follow-ups-toggle', 'aria-expanded': 'true', 'aria-controls': 'follow-ups-groups', onClick: () => toggleFollowUps() },
    h('span', { class: 'follow-ups-label' }, 'Follow-ups'),
    ' ',
    followSummary,
  );
  const followList = h('div', { id: 'follow-ups-groups', class: 'follow-ups-groups' });
  const follow = h('section', { class: 'follow-ups', 'aria-labelledby': 'follow-ups-title', hidden: true }, h('h2', { id: 'follow-ups-title', class: 'follow-ups-title' }, followToggle), followList);

  function toggleFollowUps() {
    const open = followToggle.getAttribute('aria-expanded') !== 'true';
    followToggle.setAttribute('aria-expanded', String(open));
    followList.hidden = !open;
  }

  const readFollowUps = latest(() => backend.followUps());
  async function loadFollowUps() {
    const answer = await readFollowUps();
    if (answer.stale) return;
    // Without them History is still History: nothing shown, nothing said.
    const groups = answer.error ? [] : followUpGroups(answer.value);
    follow.hidden = groups.length === 0;
    replaceChildren(followSummary, groups.map((g) => `${g.rows.length} ${g.label.toLowerCase()}`).join(' · '));
    replaceChildren(followList, groups.map((g) => followUpGroup(g, ctx)));
  }

  store.subscribe(({ sync }) => {
    replaceChildren(syncState, describeSync(sync));
  });
  ctx.backend.on?.('sync', (sync) => {
    if (sync?.finished && sync.changed) void reload();
  });

  const element = h(
    'section',
    { class: 'view history', 'aria-labelledby': 'history-title' },
    h('div', { class: 'view-header' }, h('h1', { id: 'history-title' }, 'History'), syncState, syncButton),
    follow,
    h('label', { for: 'history-search', class: 'visually-hidden' }, 'Search history'),
    searchField,
    h('div', { class: 'chips', role: 'group', 'aria-label': 'Filter calls' }, chips),
    empty,
    list.element,
  );

  let loaded = false;
  return {
    element,
    focus: () => searchField.focus(),
    async show() {
      const followUps = loadFollowUps();
      if (!loaded) {
        loaded = true;
        await reload();
      }
      await followUps;
    },
    reload,
    /** A wrap-up was saved: the follow-ups again, now when shown (else on the next show). */
    followUps() {
      return element.hidden ? undefined : loadFollowUps();
    },
    /** The cache has a new call (a missed one): reloads now when shown, else on the next show. */
    refresh() {
      if (!loaded) return undefined;
      if (!element.hidden) return reload();
      loaded = false;
      return undefined;
    },
  };
}

/** `Syncing 1 200 / 5 000`, `Synced 14:05`, or nothing before the first sync. */
function describeSync(sync) {
  if (!sync) return '';
  if (sync.running) return sync.total ? `Syncing ${sync.done} / ${sync.total}` : 'Syncing…';
  if (sync.error) return `Sync failed: ${sync.error.message}`;
  return sync.lastSyncedAt ? `Synced ${formatTime(sync.lastSyncedAt)}` : '';
}

/** A group of follow-ups (Overdue, Today, Upcoming): who, when, what was promised, Call. */
function followUpGroup(group, ctx) {
  const heading = `follow-ups-${group.id}`;
  return h(
    'div',
    { class: 'follow-up-group', dataset: { group: group.id } },
    h('h3', { id: heading, class: 'follow-up-group-title' }, group.label),
    h(
      'ul',
      { class: 'follow-up-list', 'aria-labelledby': heading },
      group.rows.map((row) => {
        const who = row.party || row.number;
        return h(
          'li',
          { class: 'follow-up' },
          h(
            'span',
            { class: 'follow-up-who' },
            h('span', { class: 'follow-up-party' }, who),
            row.followUpNote ? h('span', { class: 'follow-up-note' }, row.followUpNote) : null,
          ),
          h('span', { class: 'follow-up-when' }, followUpWhen(group.id, row.followUpAt)),
          h('button', { type: 'button', class: 'follow-up-call', 'aria-label': `Call ${who}`, onClick: () => void ctx.dial(row.number, true) }, icon('call'), h('span', { 'aria-hidden': 'true' }, 'Call')),
        );
      }),
    ),
  );
}

function dayRow(item) {
  return h('div', { class: 'vlist-row day-row', role: 'listitem' }, item.label);
}

function callRow(row, ctx) {
  const kind = callKind(row);
  return h(
    'div',
    { class: 'vlist-row call-row', role: 'listitem', tabindex: '0', dataset: { tone: kind.tone } },
    h('span', { class: 'call-icon', title: kind.words }, icon(kind.icon), h('span', { class: 'visually-hidden' }, kind.words)),
    h(
      'span',
      { class: 'call-who' },
      h('span', { class: 'call-name' }, row.name || row.display),
      // A wrapped-up call says its outcome first; its notes show on hover.
      h(
        'span',
        { class: 'call-detail', title: row.notes || null },
        [row.disposition, row.name ? row.display : null, row.disposition ? null : row.action].filter(Boolean).join(' · '),
      ),
    ),
    h('span', { class: 'call-when' }, h('span', {}, formatTime(row.startTime)), h('span', { class: 'muted' }, row.missed ? row.result : formatDuration(row.duration))),
    h(
      'span',
      { class: 'row-actions' },
      h('button', { type: 'button', class: 'icon-button small', 'aria-label': `Call ${row.name || row.display}`, onClick: () => ctx.dial(row.dial, true) }, icon('call')),
      h('button', { type: 'button', class: 'icon-button small', 'aria-label': `Text ${row.name || row.display}`, onClick: () => ctx.text(row.dial) }, icon('messages')),
      h('button', { type: 'button', class: 'icon-button small', 'aria-label': `Wrap up the call with ${row.name || row.display}`, onClick: () => void ctx.wrapUpCall(row.id) }, icon('note')),
      h('button', { type: 'button', class: 'icon-button small', 'aria-label': `Add ${row.name || row.display} to a call list`, onClick: () => ctx.addToList([{ number: row.dial, name: row.name ?? '', note: '' }]) }, icon('list-add')),
      offersSuiteDash(ctx.store?.get(), row.contactId)
        ? h('button', { type: 'button', class: 'icon-button small', 'aria-label': `Add ${row.name || row.display} to SuiteDash`, onClick: () => void ctx.addToSuiteDash(row.dial, row.name ?? '') }, icon('contacts'))
        : null,
    ),
  );
}
