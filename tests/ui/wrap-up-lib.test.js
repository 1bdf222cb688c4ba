// The wrap-up helpers without a DOM: disposition labels and digit picks, the save key, what is
// a text field, tags, datetime-local times, the input sent to the core, the count's words and
// follow-ups in groups.

import { test } from 'node:test';
import assert from 'node:assert/strict';

import {
  callWords, cardFields, digitPick, dispositionLabel, dueWords, followUpGroups, followUpWhen,
  isSaveKey, isTextField, parseTags, tagsText, toLocalInput, wrapUpInput,
} from '../../ui/js/lib/wrap-up.js';

test('dispositions are labelled with the digit that picks them, up to 9', () => {
  assert.equal(dispositionLabel(0, 'Connected'), '1 Connected');
  assert.equal(dispositionLabel(8, 'Sale'), '9 Sale');
  assert.equal(dispositionLabel(9, 'Tenth'), 'Tenth', 'no digit left for the tenth');
});

test('digits 1–9 pick within the list; modifiers and other keys do not', () => {
  assert.equal(digitPick({ key: '1' }, 7), 0);
  assert.equal(digitPick({ key: '7' }, 7), 6);
  assert.equal(digitPick({ key: '8' }, 7), -1, 'past the list');
  assert.equal(digitPick({ key: '0' }, 7), -1);
  assert.equal(digitPick({ key: 'a' }, 7), -1);
  assert.equal(digitPick({ key: '2', ctrlKey: true }, 7), -1, 'Ctrl+2 switches views');
  assert.equal(digitPick({ key: '2', metaKey: true }, 7), -1);
  assert.equal(digitPick({ key: '2', altKey: true }, 7), -1);
});

test('Ctrl+Enter and Cmd+Enter save; Enter alone does not', () => {
  assert.equal(isSaveKey({ key: 'Enter', ctrlKey: true }), true);
  assert.equal(isSaveKey({ key: 'Enter', metaKey: true }), true);
  assert.equal(isSaveKey({ key: 'Enter' }), false);
  assert.equal(isSaveKey({ key: 'Enter', ctrlKey: true, altKey: true }), false);
});

test('text fields take digits as text; buttons do not', () => {
  const el = (tagName, type) => ({ tagName, getAttribute: (name) => (name === 'type' ? type ?? null : null) });
  assert.equal(isTextField(el('TEXTAREA')), true);
  assert.equal(isTextField(el('INPUT', 'text')), true);
  assert.equal(isTextField(el('INPUT')), true, 'an input without a type is text');
  assert.equal(isTextField(el('INPUT', 'datetime-local')), true);
  assert.equal(isTextField(el('INPUT', 'checkbox')), false);
  assert.equal(isTextField(el('BUTTON')), false);
  assert.equal(isTextField(null), false);
});

test('tags are typed with commas and kept trimmed, each once', () => {
  assert.deepEqual(parseTags(' vip, renewal ,, VIP,  '), ['vip', 'renewal']);
  assert.deepEqual(parseTags(''), []);
  assert.equal(tagsText(['vip', 'renewal']), 'vip, renewal');
  assert.equal(tagsText(undefined), '');
});

test('a follow-up time goes into a datetime-local field in local time, and back', () => {
  const local = new Date(2026, 11, 5, 15, 7);
  assert.equal(toLocalInput(local.toISOString()), '2026-12-05T15:07');
  assert.equal(toLocalInput(null), '');
  assert.equal(toLocalInput('not a time'), '');
  assert.equal(new Date(toLocalInput(local.toISOString())).getTime(), local.getTime(), 'the field reads back as the same instant');
});

test('the input sent to the core: tags as a list, an empty follow-up as null', () => {
  assert.deepEqual(wrapUpInput('ringout:7', { disposition: 'Connected', notes: 'Line 1\nLine 2', tags: 'vip, renewal', followUpAt: '', followUpNote: '  ' }), {
    callKey: 'ringout:7', disposition: 'Connected', notes: 'Line 1\nLine 2', tags: ['vip', 'renewal'], followUpAt: null, followUpNote: '',
  });
  assert.deepEqual(wrapUpInput('k', { followUpAt: '2026-12-05T15:00', followUpNote: ' Send the quote ' }), {
    callKey: 'k', disposition: null, notes: '', tags: [], followUpAt: '2026-12-05T15:00', followUpNote: 'Send the quote',
  });
});

test('a WrapUpView fills the card with what the input gives back', () => {
  const at = new Date(2026, 11, 5, 15, 0).toISOString();
  const fields = cardFields({ disposition: 'Sale', notes: 'n', tags: ['a', 'b'], followUpAt: at, followUpNote: 'x' });
  assert.deepEqual(fields, { disposition: 'Sale', notes: 'n', tags: 'a, b', followUpAt: '2026-12-05T15:00', followUpNote: 'x' });
  assert.deepEqual(wrapUpInput('k', fields).tags, ['a', 'b']);
});

test('words: the call under the heading, the count', () => {
  const now = new Date(2026, 10, 21, 15, 0);
  assert.match(callWords({ direction: 'Outbound', started: new Date(2026, 10, 21, 14, 5).toISOString() }, now), /^Outgoing call · Today /);
  assert.match(callWords({ direction: 'Inbound', started: 'bad' }, now), /^Incoming call$/);
  assert.equal(dueWords(1), '1 call to wrap up');
  assert.equal(dueWords(3), '3 calls to wrap up');
});

test('follow-ups in groups: Overdue, Today, Upcoming, the empty ones left out', () => {
  const row = (party) => ({ party, followUpAt: new Date().toISOString() });
  const groups = followUpGroups({ overdue: [row('A')], today: [], upcoming: [row('B'), row('C')] });
  assert.deepEqual(groups.map((g) => [g.id, g.label, g.rows.map((r) => r.party)]), [
    ['overdue', 'Overdue', ['A']],
    ['upcoming', 'Upcoming', ['B', 'C']],
  ]);
  assert.deepEqual(followUpGroups(null), []);
  const now = new Date(2026, 10, 21, 9, 0);
  const at = new Date(2026, 10, 23, 15, 0).toISOString();
  assert.doesNotMatch(followUpWhen('today', at, now), /Today|Mon|Tue/, 'today: just the time');
  assert.notEqual(followUpWhen('upcoming', at, now), followUpWhen('today', at, now), 'another day: the day too');
});
