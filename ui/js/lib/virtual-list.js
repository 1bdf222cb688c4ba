// A virtualised list: only the rows in view (plus a little overscan) exist in the DOM, so a
// history of 500 000 calls scrolls like one of 50. Items have per-kind fixed heights; more are
// appended as the agent nears the end (keyset pages from the backend).

import { h, replaceChildren } from './dom.js';

/**
 * Cumulative offsets: `offsets[i]` is the top of item i, `offsets[n]` the total height.
 * @param {number[]} heights
 */
export function offsetsOf(heights, start = [0]) {
  const offsets = start.slice();
  for (const height of heights) offsets.push(offsets[offsets.length - 1] + height);
  return offsets;
}

/**
 * The items to render for a viewport: `[first, last)` indexes.
 * @param {number[]} offsets from `offsetsOf`
 */
export function visibleRange(offsets, scrollTop, viewport, overscan = 6) {
  const count = offsets.length - 1;
  if (count <= 0) return { first: 0, last: 0 };
  let lo = 0;
  let hi = count - 1;
  while (lo < hi) {
    // The first item whose bottom is below scrollTop.
    const mid = (lo + hi) >> 1;
    if (offsets[mid + 1] <= scrollTop) lo = mid + 1;
    else hi = mid;
  }
  let last = lo;
  while (last < count && offsets[last] < scrollTop + viewport) last += 1;
  return { first: Math.max(0, lo - overscan), last: Math.min(count, last + overscan) };
}

/**
 * @param {{ heightOf: (item: any) => number, render: (item: any) => HTMLElement,
 *           loadMore?: () => Promise<any[]|null>, label: string }} options
 */
export function createVirtualList({ heightOf, render, loadMore, label }) {
  let items = [];
  let offsets = [0];
  let exhausted = !loadMore;
  let loading = null;
  const spacer = h('div', { class: 'vlist-spacer' });
  const element = h('div', { class: 'vlist', role: 'list', 'aria-label': label, tabindex: '0' }, spacer);

  function paint() {
    const { first, last } = visibleRange(offsets, element.scrollTop, element.clientHeight || 600);
    spacer.style.height = `${offsets[offsets.length - 1]}px`;
    const rows = [];
    for (let i = first; i < last; i += 1) {
      const row = render(items[i]);
      row.style.top = `${offsets[i]}px`;
      row.style.height = `${heightOf(items[i])}px`;
      rows.push(row);
    }
    replaceChildren(element, spacer, rows);
    if (!exhausted && last >= items.length - 20) void more();
  }

  async function more() {
    if (loading || exhausted) return loading;
    loading = (async () => {
      const next = await loadMore();
      if (!next || next.length === 0) exhausted = true;
      else append(next);
    })().finally(() => {
      loading = null;
    });
    return loading;
  }

  function append(next) {
    items = items.concat(next);
    offsets = offsetsOf(next.map(heightOf), offsets);
    paint();
  }

  element.addEventListener('scroll', () => requestAnimationFrame(paint));

  return {
    element,
    /** Replaces everything (a new filter or search) and loads the first page. */
    async reset(first = []) {
      items = [];
      offsets = [0];
      exhausted = !loadMore;
      element.scrollTop = 0;
      append(first);
      if (first.length === 0 && loadMore) await more();
    },
    append,
    paint,
    /** How many items are loaded (not rendered). */
    get size() {
      return items.length;
    },
  };
}
