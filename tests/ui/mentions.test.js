// Mentions in the chat composer, pure: the `@query` before the caret (not in an email, a word
// or two of letters), the pick written as `@Full Name `, only the picks whose `@name` still
// stands in the text go as mentions, and a post's parts as the text an edit starts from.

import { test } from 'node:test';
import assert from 'node:assert/strict';

import { applyMention, mentionQuery, mentionsIn, partsText } from '../../ui/js/lib/mentions.js';

test('the @query before the caret', () => {
  assert.deepEqual(mentionQuery('hi @an'), { start: 3, end: 6, query: 'an' });
  assert.deepEqual(mentionQuery('@Ana'), { start: 0, end: 4, query: 'Ana' });
  assert.deepEqual(mentionQuery('ask (@Chlo'), { start: 5, end: 10, query: 'Chlo' }, 'after punctuation');
  assert.deepEqual(mentionQuery('@Ana Si'), { start: 0, end: 7, query: 'Ana Si' }, 'a second word narrows it');
  assert.deepEqual(mentionQuery('@ana s and more', 6), { start: 0, end: 6, query: 'ana s' }, 'only what is before the caret');
  assert.deepEqual(mentionQuery('@Zoë'), { start: 0, end: 4, query: 'Zoë' }, 'letters of any script');
  assert.equal(mentionQuery('hi @'), null, '@ alone: nothing typed yet');
  assert.equal(mentionQuery('mail ana@example'), null, 'not in an email address');
  assert.equal(mentionQuery('@12'), null, 'letters first');
  assert.equal(mentionQuery('@Ana Silva said hi'), null, 'a sentence, not a name');
  assert.equal(mentionQuery('no at here'), null);
  assert.equal(mentionQuery(''), null);
  assert.equal(mentionQuery('@' + 'a'.repeat(41)), null, 'too long to be a name');
});

test('a pick replaces the @query with @Full Name and a space', () => {
  const text = 'thanks @an';
  const found = mentionQuery(text);
  assert.deepEqual(applyMention(text, found, 'Ana Silva'), { text: 'thanks @Ana Silva ', caret: 18 });
  const middle = 'hi @be, see this';
  const there = mentionQuery(middle, 6);
  assert.deepEqual(applyMention(middle, there, 'Ben Ode'), { text: 'hi @Ben Ode, see this', caret: 11 }, 'text after the query stays');
  const spaced = 'hi @be there';
  assert.deepEqual(applyMention(spaced, mentionQuery(spaced, 6), 'Ben Ode'), { text: 'hi @Ben Ode there', caret: 12 }, 'no second space');
  const after = applyMention('@ana', mentionQuery('@ana'), 'Ana Silva');
  assert.equal(mentionQuery(after.text, after.caret), null, 'the picked name does not ask again');
});

test('only the picks still in the text go as mentions, once each', () => {
  const picked = [
    { id: '201', name: 'Ana Silva' },
    { id: '202', name: 'Ben Ode' },
    { id: '201', name: 'Ana Silva' },
    { id: '203', name: 'Anton' },
  ];
  assert.deepEqual(mentionsIn('@Ana Silva and @Ana Silva, look', picked), [{ id: '201', name: 'Ana Silva' }]);
  assert.deepEqual(mentionsIn('@Ben Ode. @Anton', picked), [
    { id: '202', name: 'Ben Ode' },
    { id: '203', name: 'Anton' },
  ]);
  assert.deepEqual(mentionsIn('@Antonia is someone else, so is Ben Ode', picked), [], 'a longer word is not the name; no @ no mention');
  assert.deepEqual(mentionsIn('', picked), []);
  assert.deepEqual(mentionsIn('@Ana Silva', undefined), []);
});

test("a post's parts as the text an edit starts from", () => {
  assert.equal(
    partsText([
      { kind: 'text', text: 'ask ' },
      { kind: 'mention', id: '201', name: 'Ana Silva', me: false },
      { kind: 'text', text: ' about ![:Person](1) <b>' },
    ]),
    'ask @Ana Silva about ![:Person](1) <b>',
  );
  assert.equal(partsText([]), '');
  assert.equal(partsText(undefined), '');
});
