// Drives the official RingCentral JS SDK (@ringcentral/sdk + @ringcentral/subscriptions) against a
// running simulator, unchanged. Usage: node check.js "<startup JSON line>". Exits non-zero on failure.
const { SDK } = require('@ringcentral/sdk');
const { Subscriptions } = require('@ringcentral/subscriptions');
const creds = JSON.parse(process.argv[2]);
const EXT = '/restapi/v1.0/account/~/extension/~';
let passed = 0;
function check(ok, what) {
  if (!ok) { console.log(`FAIL: ${what}`); console.log(`sdk-js: ${passed} passed, 1 failed`); process.exit(1); }
  passed += 1; console.log(`ok: ${what}`);
}
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
(async () => {
  const sdk = new SDK({ server: creds.server_url, clientId: creds.client_id, clientSecret: creds.client_secret });
  const platform = sdk.platform();
  await platform.login({ jwt: creds.jwt });
  const ext = await (await platform.get(EXT)).json();
  check(String(ext.id) === creds.extension_id, 'JWT login and extension info');
  const ro = await (await platform.post(`${EXT}/ring-out`, { from: { phoneNumber: '+16505550110' }, to: { phoneNumber: '+14155550120' } })).json();
  let status;
  for (let i = 0; i < 60; i++) { status = await (await platform.get(`${EXT}/ring-out/${ro.id}`)).json(); if (status.status.callStatus !== 'InProgress') break; await sleep(200); }
  check(status.status.callStatus === 'Success', 'RingOut polled to Success');
  const sms = await (await platform.post(`${EXT}/sms`, { from: { phoneNumber: '+16505550101' }, to: [{ phoneNumber: '+14155550121' }], text: 'Hello from the JS SDK' })).json();
  const store = await (await platform.get(`${EXT}/message-store`, { messageType: 'SMS', direction: 'Outbound' })).json();
  check(store.records.some((m) => m.id === sms.id), 'sent SMS found in the message store');
  const page = await (await platform.get(`${EXT}/call-log`, { dateFrom: '2000-01-01T00:00:00Z', perPage: 100 })).json();
  const next = await (await platform.get(page.navigation.nextPage.uri)).json();
  check(next.paging.page === 2 && next.records.length === 100, 'call log paged via navigation.nextPage');
  const before = (await platform.auth().data()).access_token;
  await platform.refresh();
  check((await platform.auth().data()).access_token !== before, 'refresh rotated the access token');
  const subscriptions = new Subscriptions({ sdk });
  const subscription = subscriptions.createSubscription();
  const received = [];
  subscription.on(subscription.events.notification, (evt) => received.push(evt));
  await subscription.setEventFilters([`${EXT}/message-store/instant?type=SMS`]).register();
  check(true, 'WebSocket subscription registered');
  await fetch(`${creds.server_url}/sim/inbound-sms`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ from: '+14155550122', text: 'Inbound via the simulator' }) });
  for (let i = 0; i < 100 && received.length === 0; i++) await sleep(50);
  check(received.length > 0 && received[0].body.subject === 'Inbound via the simulator', 'inbound SMS notification received');
  await platform.logout();
  check(!(await platform.loggedIn()), 'logout revoked the session');
  console.log(`sdk-js: ${passed} passed, 0 failed`);
  process.exit(0);
})().catch((e) => { console.log(`FAIL: ${e.stack || e}`); console.log(`sdk-js: ${passed} passed, 1 failed`); process.exit(1); });
