// Every page's words exist in all three languages (zh-CN is the reference): a key missing or left
// over in any catalogue fails here, before a reader meets a raw key on the page.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, existsSync } from 'node:fs';
import { keyPaths } from '../../web/shared/catalogue.ts';

const web = new URL('../../web/', import.meta.url);
const catalogueDirs = readdirSync(web, { withFileTypes: true })
  .filter((d) => d.isDirectory() && existsSync(new URL(`${d.name}/locales/zh-CN.ts`, web)))
  .map((d) => d.name);

test('the shared catalogue and every page have catalogues', () => {
  for (const page of ['shared', 'wallet', 'verify', 'staff', 'admin'])
    assert.ok(catalogueDirs.includes(page), page);
});

for (const dir of catalogueDirs) {
  test(`${dir}: en and es have exactly the keys of zh-CN, none empty`, async () => {
    const load = async (lang: string) =>
      Object.values(
        (await import(new URL(`${dir}/locales/${lang}.ts`, web).href)) as Record<string, object>,
      )[0]!;
    const reference = keyPaths(await load('zh-CN')).sort();
    assert.ok(reference.length > 0);
    for (const lang of ['en', 'es']) {
      const catalogue = await load(lang);
      assert.deepEqual(keyPaths(catalogue).sort(), reference, `${dir}/${lang}`);
      const empty = keyPaths(catalogue).filter(
        (k) =>
          k.split('.').reduce<unknown>((o, part) => (o as Record<string, unknown>)[part], catalogue) === '',
      );
      assert.deepEqual(empty, [], `${dir}/${lang}: empty strings`);
    }
  });
}

test('pages do not reuse a top-level key of another catalogue', async () => {
  const seen = new Map<string, string>();
  for (const dir of catalogueDirs) {
    const zh = Object.values(
      (await import(new URL(`${dir}/locales/zh-CN.ts`, web).href)) as Record<string, object>,
    )[0]!;
    for (const key of Object.keys(zh)) {
      assert.equal(seen.get(key), undefined, `${key} in ${dir} and ${seen.get(key)}`);
      seen.set(key, dir);
    }
  }
});
