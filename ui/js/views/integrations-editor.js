// Settings → Integrations: SuiteDash (API mode: Public ID, API address, monthly quota, secret
// key, Save, Test connection, Pull now, the quota and queue; import mode: Generate export, the
// export history with Mark as exported) and the signed webhook (address, signing secret, Save,
// Test connection, its queue). Failed events are listed with Replay. Secrets go in and never come
// back: a saved one shows as "stored in the keychain". Every value from the core is set with
// textContent.

import { h, replaceChildren } from '../lib/dom.js';
import { dayKey, dayLabel, formatTime } from '../lib/format.js';

/** A connector's queue in words. Pure, for tests. */
export function queueWords(view) {
  if (!view) return '';
  const q = view.queue ?? {};
  const open = (q.pending ?? 0) + (q.sending ?? 0);
  const parts = [`${q.delivered ?? 0} sent`, `${open} waiting`];
  if (q.failed) parts.push(`${q.failed} failed`);
  return parts.join(' · ');
}

/** When something happened, as the agent reads it: `Today 14:05`, `Mon 16 Nov 9:30`. Pure. */
export function whenWords(iso, now = new Date()) {
  if (!iso) return 'Never';
  const time = formatTime(iso);
  return time ? `${dayLabel(dayKey(iso), now)} ${time}` : 'Never';
}

/** SuiteDash's monthly quota in words. Pure, for tests. */
export function quotaWords(quota) {
  if (!quota) return '';
  const base = `${quota.used} of ${quota.quota} requests used in ${quota.month}`;
  if (quota.used >= quota.quota) return `${base} — spent: nothing more is sent this month`;
  if (quota.reserved) return `${base} — background pulls wait for next month`;
  if (quota.warning) return `${base} — over 80 %`;
  return base;
}

/** What Test connection found, in words. Pure, for tests. */
export function testWords(result) {
  if (result?.connector === 'webhook') return `The receiver took a signed test event (HTTP ${result.httpStatus}).`;
  if (result?.connector === 'suitedash') {
    const count = result.contacts ?? '?';
    return `Connected to SuiteDash account ${result.publicId}: ${count} contacts.`;
  }
  return '';
}

/**
 * @param {{ backend: any, toast: Function, store?: any }} ctx
 */
export function createIntegrationsEditor({ backend, toast, store }) {
  const field = (id, label, attrs) => {
    const input = h('input', { id, autocomplete: 'off', ...attrs });
    return [input, h('div', { class: 'field' }, h('label', { for: id }, label), input)];
  };

  // SuiteDash.
  const [sdPublicId, sdPublicIdField] = field('sd-public-id', 'SuiteDash Public ID', { type: 'text', placeholder: 'Integrations → Secure API' });
  const [sdApiUrl, sdApiUrlField] = field('sd-api-url', 'API address (empty: SuiteDash’s own)', { type: 'url', placeholder: 'https://app.suitedash.com/secure-api' });
  const [sdQuota, sdQuotaField] = field('sd-quota', 'Requests a month your plan allows', { type: 'number', min: '1', step: '1', inputmode: 'numeric' });
  const [sdKey, sdKeyField] = field('sd-key', 'Secret key', { type: 'password', placeholder: 'Leave empty to keep the stored key' });
  const sdSave = h('button', { type: 'submit', id: 'sd-save' }, 'Save');
  const sdTest = h('button', { type: 'button', id: 'sd-test', onClick: () => void test('suitedash', sdResult, sdTest) }, 'Test connection');
  const sdPull = h('button', { type: 'button', id: 'sd-pull', onClick: () => void pull() }, 'Pull now');
  const sdResult = h('p', { id: 'sd-result', class: 'muted', role: 'status' });
  const sdFacts = h('dl', { class: 'facts', id: 'sd-facts' });
  const sdFailed = h('ul', { class: 'failed-events', id: 'sd-failed', 'aria-label': 'SuiteDash requests that failed' });
  const sdForm = h(
    'form',
    { class: 'integration-form', 'aria-label': 'SuiteDash', onSubmit: (e) => (e.preventDefault(), void saveSuitedash()) },
    sdPublicIdField, sdApiUrlField, sdQuotaField, sdKeyField,
    h('div', { class: 'actions' }, sdSave, sdTest, sdPull),
  );

  // Import mode.
  const exportNew = h('button', { type: 'button', id: 'sd-export', onClick: () => void generate(false) }, 'Generate export');
  const exportAll = h('button', { type: 'button', id: 'sd-export-all', onClick: () => void generate(true) }, 'Export all contacts');
  const exportList = h('ul', { class: 'exports', id: 'sd-exports', 'aria-label': 'Exports for SuiteDash' });

  // Webhook.
  const [hookUrl, hookUrlField] = field('hook-url', 'Webhook address (https://)', { type: 'url', placeholder: 'https://hooks.example.com/ringdesk' });
  const [hookSecret, hookSecretField] = field('hook-secret', 'Signing secret', { type: 'password', placeholder: 'Leave empty to keep the stored secret' });
  const hookSave = h('button', { type: 'submit', id: 'hook-save' }, 'Save');
  const hookTest = h('button', { type: 'button', id: 'hook-test', onClick: () => void test('webhook', hookResult, hookTest) }, 'Test connection');
  const hookResult = h('p', { id: 'hook-result', class: 'muted', role: 'status' });
  const hookFacts = h('dl', { class: 'facts', id: 'hook-facts' });
  const hookFailed = h('ul', { class: 'failed-events', id: 'hook-failed', 'aria-label': 'Webhook events that failed' });
  const hookForm = h(
    'form',
    { class: 'integration-form', 'aria-label': 'Webhook', onSubmit: (e) => (e.preventDefault(), void saveWebhook()) },
    hookUrlField, hookSecretField,
    h('div', { class: 'actions' }, hookSave, hookTest),
  );

  const element = h(
    'div',
    { class: 'integrations-editor' },
    h('h3', { class: 'subhead' }, 'SuiteDash'),
    sdForm, sdResult, sdFacts, sdFailed,
    h('h3', { class: 'subhead' }, 'SuiteDash import (CSV)'),
    h('p', { class: 'muted' }, 'Writes the contacts not yet exported in SuiteDash’s import layout. Mark an export once SuiteDash has imported it.'),
    h('div', { class: 'actions' }, exportNew, exportAll),
    exportList,
    h('h3', { class: 'subhead' }, 'Webhook (any CRM)'),
    h('p', { class: 'muted' }, 'Calls, texts, wrap-ups and new contacts are posted as signed JSON.'),
    hookForm, hookResult, hookFacts, hookFailed,
  );

  function facts(list, rows) {
    replaceChildren(list, rows.filter(([, d]) => d).map(([t, d]) => [h('dt', {}, t), h('dd', {}, d)]));
  }

  function failedRows(list, view) {
    replaceChildren(
      list,
      (view?.failed ?? []).map((event) =>
        h(
          'li',
          { class: 'failed-event' },
          h('span', {}, `${event.kind} — ${event.httpStatus ? `HTTP ${event.httpStatus}: ` : ''}${event.error ?? 'failed'}`),
          h('button', { type: 'button', 'aria-label': `Replay ${event.kind} ${event.eventId}`, onClick: () => void replay(event.eventId) }, 'Replay'),
        ),
      ),
    );
  }

  function render(view) {
    const sd = view?.suitedash ?? null;
    store?.update({ suitedash: Boolean(sd) });
    const hook = view?.webhook ?? null;
    if (globalThis.document?.activeElement !== sdPublicId) sdPublicId.value = sd?.publicId ?? '';
    if (globalThis.document?.activeElement !== sdApiUrl) sdApiUrl.value = sd?.url ?? '';
    if (globalThis.document?.activeElement !== sdQuota) sdQuota.value = String(sd?.quota?.quota ?? 400);
    sdKey.placeholder = sd?.secretSet ? 'Stored in the keychain (type to replace)' : 'Not stored yet';
    sdTest.disabled = sdPull.disabled = !sd;
    facts(sdFacts, sd ? [['Quota', quotaWords(sd.quota)], ['Queue', queueWords(sd)], ['Last pull', whenWords(sd.lastPull)]] : []);
    failedRows(sdFailed, sd);
    if (globalThis.document?.activeElement !== hookUrl) hookUrl.value = hook?.url ?? '';
    hookSecret.placeholder = hook?.secretSet ? 'Stored in the keychain (type to replace)' : 'Not stored yet';
    hookTest.disabled = !hook;
    facts(hookFacts, hook ? [['Events', queueWords(hook)]] : []);
    failedRows(hookFailed, hook);
    replaceChildren(
      exportList,
      (view?.exports ?? []).map((exp) =>
        h(
          'li',
          { class: 'export-row' },
          h('span', {}, `${whenWords(exp.at)}: ${exp.rows} contacts — ${exp.path}`),
          exp.marked
            ? h('span', { class: 'muted' }, 'Marked as exported')
            : h('button', { type: 'button', 'aria-label': `Mark export ${exp.id} as exported`, onClick: () => void mark(exp.id) }, 'Mark as exported'),
        ),
      ),
    );
  }

  async function run(work, done) {
    try {
      const result = await work();
      if (done) done(result);
      return result;
    } catch (error) {
      toast(error.message, error.hint, 'error');
      return null;
    }
  }

  async function reload() {
    await run(() => backend.integrations(), render);
  }

  async function saveSuitedash() {
    const setup = { publicId: sdPublicId.value.trim(), apiUrl: sdApiUrl.value.trim(), monthlyQuota: Math.max(0, Math.round(Number(sdQuota.value) || 0)) };
    if (sdKey.value.trim()) setup.secretKey = sdKey.value.trim();
    const view = await run(() => backend.setSuitedash(setup), render);
    if (view) {
      sdKey.value = '';
      toast(view.suitedash ? 'SuiteDash saved' : 'SuiteDash turned off');
    }
  }

  async function saveWebhook() {
    const setup = { url: hookUrl.value.trim() };
    if (hookSecret.value.trim()) setup.secret = hookSecret.value.trim();
    const view = await run(() => backend.setWebhook(setup), render);
    if (view) {
      hookSecret.value = '';
      toast(view.webhook ? 'Webhook saved' : 'Webhook turned off');
    }
  }

  async function test(connector, result, button) {
    button.disabled = true;
    result.textContent = 'Testing…';
    try {
      result.textContent = testWords(await backend.testIntegration(connector));
      result.dataset.ok = 'true';
    } catch (error) {
      result.textContent = `${error.message} ${error.hint ?? ''}`.trim();
      result.dataset.ok = 'false';
    } finally {
      button.disabled = false;
      await reload();
    }
  }

  async function pull() {
    const report = await run(() => backend.pullSuitedash());
    if (report) toast(`Pulled ${report.contacts} contacts and ${report.companies} companies from SuiteDash`);
    await reload();
  }

  async function replay(eventId) {
    if (await run(() => backend.replayEvent(eventId))) toast('Sent again');
    await reload();
  }

  async function generate(all) {
    const exp = await run(() => backend.generateSuitedashExport(all));
    if (exp) toast(`Wrote ${exp.rows} contacts`, exp.path);
    await reload();
  }

  async function mark(id) {
    if (await run(() => backend.markExported(id))) toast('Marked as exported');
    await reload();
  }

  return { element, show: reload };
}
