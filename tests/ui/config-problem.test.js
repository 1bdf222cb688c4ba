// A settings file ringdesk cannot read is shown, never hidden: the core's `problem` event puts
// its message (with the line) in the status strip and a toast, until the core says it is fixed.

import { test } from 'node:test';
import assert from 'node:assert/strict';

import { findAll } from './fake-dom.js';
import { started } from './harness.js';

const byClass = (root, name) => findAll(root, (el) => el.className.split(' ').includes(name));

test('a config file that cannot be read shows in the status strip and a toast', async () => {
  const { root, backend } = await started();
  const message = '/home/a/.config/ringdesk/config.toml:3:18: invalid type: string "maybe", expected a boolean';
  backend.emit('problem', { message, hint: 'Fix the line shown.', recovery: { kind: 'fix_config' } });
  assert.equal(byClass(root, 'status-text')[0].textContent, message, 'the strip names the file and line');
  const alert = findAll(root, (el) => el.getAttribute('role') === 'alert')[0];
  assert.ok(alert, 'an error toast is raised');
  assert.match(alert.textContent, /Fix the line shown/);
  backend.emit('problem', null);
  assert.notEqual(byClass(root, 'status-text')[0].textContent, message, 'a fixed file clears it');
});
