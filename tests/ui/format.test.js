import { test } from 'node:test';
import assert from 'node:assert/strict';

import { dayKey, dayLabel, formatDuration, withDayHeaders } from '../../ui/js/lib/format.js';
import { offsetsOf, visibleRange } from '../../ui/js/lib/virtual-list.js';

test('durations read like a clock', () => {
  assert.equal(formatDuration(0), '0:00');
  assert.equal(formatDuration(222), '3:42');
  assert.equal(formatDuration(3725), '1:02:05');
  assert.equal(formatDuration(-1), '—', 'unknown, not negative');
  assert.equal(formatDuration(Number.NaN), '—');
});

test('day labels: Today, Yesterday, then dates', () => {
  const now = new Date(2026, 10, 21, 15, 0);
  assert.equal(dayLabel('2026-11-21', now), 'Today');
  assert.equal(dayLabel('2026-11-20', now), 'Yesterday');
  assert.match(dayLabel('2026-11-16', now), /16/);
  assert.match(dayLabel('2025-11-16', now), /2025/, 'another year shows the year');
  assert.equal(dayLabel('unknown', now), 'Unknown date');
  assert.equal(dayKey('not a date'), 'unknown');
});

test('day headers are inserted once per day and continue across pages', () => {
  const now = new Date(2026, 10, 21, 15, 0);
  const at = (d, h) => new Date(2026, 10, d, h).toISOString();
  const page1 = withDayHeaders([{ startTime: at(21, 10) }, { startTime: at(21, 9) }, { startTime: at(20, 18) }], null, now);
  assert.deepEqual(page1.items.map((i) => i.kind), ['day', 'row', 'row', 'day', 'row']);
  assert.equal(page1.items[0].label, 'Today');
  const page2 = withDayHeaders([{ startTime: at(20, 8) }, { startTime: at(19, 8) }], page1.lastDay, now);
  assert.deepEqual(page2.items.map((i) => i.kind), ['row', 'day', 'row'], 'no second "Yesterday" header');
});

test('virtual list renders only what is in view, at any depth', () => {
  const heights = Array.from({ length: 500_000 }, (_, i) => (i % 10 === 0 ? 28 : 52));
  const offsets = offsetsOf(heights);
  assert.equal(offsets.length, 500_001);
  const top = visibleRange(offsets, 0, 600, 0);
  assert.equal(top.first, 0);
  assert.ok(top.last - top.first <= 14, `a 600 px viewport shows about a dozen rows, got ${top.last - top.first}`);
  const deep = visibleRange(offsets, offsets[400_000] + 10, 600, 6);
  assert.ok(deep.first <= 400_000 && deep.last > 400_000, 'the row at the scroll position is rendered');
  assert.ok(deep.last - deep.first <= 30, 'overscan stays small deep in the list');
  assert.deepEqual(visibleRange([0], 0, 600), { first: 0, last: 0 }, 'an empty list renders nothing');
});
