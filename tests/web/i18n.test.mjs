// The three dictionaries have the same keys, and every key the page asks for exists.
import assert from 'node:assert/strict';
import {readdirSync, readFileSync} from 'node:fs';
import {dirname, join} from 'node:path';
import {test} from 'node:test';
import {fileURLToPath} from 'node:url';

const web = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'web', 'static');

async function dictionary(code) {
  const source = readFileSync(join(web, `i18n-${code}.js`), 'utf8');
  return (await import(`data:text/javascript;base64,${Buffer.from(source).toString('base64')}`)).default;
}

test('nl, fr and en have exactly the same keys, none empty', async () => {
  const [en, nl, fr] = await Promise.all(['en', 'nl', 'fr'].map(dictionary));
  const keys = Object.keys(en).sort();
  assert.ok(keys.length > 100);
  assert.deepEqual(Object.keys(nl).sort(), keys);
  assert.deepEqual(Object.keys(fr).sort(), keys);
  for (const d of [en, nl, fr]) for (const key of keys) assert.notEqual(d[key].trim(), '', key);
});

test('every key the scripts pass to t() is in the dictionaries', async () => {
  const en = await dictionary('en');
  const used = new Set();
  for (const file of readdirSync(web).filter((f) => f.endsWith('.js'))) {
    for (const match of readFileSync(join(web, file), 'utf8').matchAll(/\bt\('([a-z_.]+)'/g)) used.add(match[1]);
  }
  assert.ok(used.size > 50);
  assert.deepEqual([...used].filter((key) => !(key in en)), []);
});
