// Team chats, pure: posts as rows by day and author run, replies gathered under their thread's
// root (after its earlier replies), a reply whose root is not loaded marked where it stands, the
// notification level the select shows and what its Default means.

import { test } from 'node:test';
import assert from 'node:assert/strict';

import { defaultLevel, isReply, mergePosts, notifyChoice, postRows, unreadTotal } from '../../ui/js/lib/chats.js';
import { dayKey } from '../../ui/js/lib/format.js';

const at = (day, hour) => new Date(2024, 4, day, hour).toISOString();
const post = (id, author, time, threadId = null) => ({ id, author, authorId: author, mine: false, time, edited: false, parts: [{ kind: 'text', text: id }], threadId });
/** Rows as short strings: `day:<key>`, or the post id with `+` when the author shows, `>` for a reply. */
const shape = (rows) => rows.map((r) => (r.type === 'day' ? `day:${r.key}` : `${r.reply ? '>' : ''}${r.post.id}${r.showAuthor ? '+' : ''}`));

test('posts by day and author run', () => {
  const rows = postRows([post('a', 'ana', at(1, 9)), post('b', 'ana', at(1, 10)), post('c', 'ben', at(1, 11)), post('d', 'ben', at(2, 9))]);
  assert.deepEqual(shape(rows), [`day:${dayKey(at(1, 9))}`, 'a+', 'b', 'c+', `day:${dayKey(at(2, 9))}`, 'd+']);
  assert.deepEqual(postRows(undefined), []);
});

test('replies follow their root, after its earlier replies; others keep their order', () => {
  const rows = postRows([
    post('r1', 'ana', at(1, 9)),
    post('x', 'ben', at(1, 10)),
    post('q1', 'ben', at(1, 11), 'r1'),
    post('r2', 'ana', at(1, 12), 'r2'), // a root whose threadId is its own id
    post('q2', 'ana', at(1, 13), 'r1'),
    post('q3', 'ben', at(1, 14), 'r2'),
  ]);
  assert.deepEqual(shape(rows), [`day:${dayKey(at(1, 9))}`, 'r1+', '>q1+', '>q2+', 'x+', 'r2+', '>q3+']);
  const q2 = rows.find((r) => r.post?.id === 'q2');
  assert.equal(q2.underRoot, true);
  assert.equal(rows.find((r) => r.post?.id === 'r2').reply, false, 'threadId equal to its own id: a root');
});

test('a reply whose root is not loaded stays in place, marked a reply', () => {
  const rows = postRows([post('q0', 'ana', at(1, 8), 'gone'), post('a', 'ana', at(1, 9))]);
  assert.deepEqual(shape(rows), [`day:${dayKey(at(1, 8))}`, '>q0+', 'a+'], 'a reply run and a post run are apart');
  assert.equal(rows[1].underRoot, false);
});

test('a reply on a later day stays under its root, with its own day; separators never go back', () => {
  const rows = postRows([post('r', 'ana', at(1, 9)), post('b', 'ben', at(2, 9)), post('q', 'ben', at(3, 9), 'r'), post('c', 'ana', at(3, 10))]);
  assert.deepEqual(shape(rows), [`day:${dayKey(at(1, 9))}`, 'r+', '>q+', `day:${dayKey(at(2, 9))}`, 'b+', `day:${dayKey(at(3, 9))}`, 'c+']);
  assert.equal(rows[2].day, dayKey(at(3, 9)), 'the reply says its day');
  assert.equal(rows.find((r) => r.post?.id === 'r').day, undefined);
});

test('isReply, notifyChoice, unreadTotal', () => {
  assert.equal(isReply(post('a', 'x', at(1, 1))), false);
  assert.equal(isReply(post('a', 'x', at(1, 1), 'a')), false);
  assert.equal(isReply(post('a', 'x', at(1, 1), 'b')), true);
  assert.equal(notifyChoice({ notify: 'mentions', notifyDefault: true }), 'default');
  assert.equal(notifyChoice({ notify: 'muted', notifyDefault: false }), 'muted');
  assert.equal(notifyChoice({}), 'default', 'an older core without levels');
  assert.equal(unreadTotal([{ unread: 2 }, { unread: 3 }, {}]), 5);
  assert.equal(defaultLevel({ kind: 'Team', notify: 'mentions', notifyDefault: true }), 'mentions', 'in force');
  assert.equal(defaultLevel({ kind: 'Team', notify: 'muted', notifyDefault: false }, 'all'), 'all', 'as seen before');
  assert.equal(defaultLevel({ kind: 'Team', notify: 'muted', notifyDefault: false }), null, "a team's cannot be told");
  assert.equal(defaultLevel({ kind: 'Direct', notify: 'muted', notifyDefault: false }), 'all');
});

test('reading the open chat again keeps the older posts loaded before the newest page', () => {
  const p = (id, time) => ({ id, time: `2026-12-0${time}T10:00:00+00:00` });
  const shown = [p('a', 1), p('b', 2), p('c', 3), p('d', 4)];
  const page = [p('c', 3), p('e', 5)];
  assert.deepEqual(
    mergePosts(shown, page).map((x) => x.id),
    ['a', 'b', 'c', 'e'],
    'older ones stay; d, gone from the page it belongs to, was deleted',
  );
  assert.deepEqual(mergePosts(shown, []), [], 'an empty chat is empty');
});
