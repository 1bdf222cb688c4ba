// Settings: for now, the facts about this ringdesk (profile, mode, server, data folder).

import { h, replaceChildren } from '../lib/dom.js';

export const settingsView = { id: 'settings', label: 'Settings', icon: 'settings', create };

/** The rows of the About panel, from `app_info`. Pure, for tests. */
export function aboutFacts(info) {
  if (!info) return [];
  return [
    ['Profile', info.profile],
    ['Mode', info.mode === 'demo' ? 'Demo (built-in RingCentral simulator)' : 'RingCentral account'],
    ['Server', info.server ?? 'Simulator on this computer'],
    ['Data folder', info.dataDir],
    ['Version', info.version],
  ];
}

function create({ store }) {
  const facts = h('dl', { class: 'facts' });
  const render = ({ info }) =>
    replaceChildren(facts, aboutFacts(info).map(([term, value]) => [h('dt', {}, term), h('dd', {}, value)]));
  render(store.get());
  store.subscribe(render);
  const element = h(
    'section',
    { class: 'view', 'aria-labelledby': 'settings-title' },
    h('h1', { id: 'settings-title' }, 'Settings'),
    h('div', { class: 'panel' }, h('h2', {}, 'About this ringdesk'), facts),
  );
  return { element, focus: () => {} };
}
