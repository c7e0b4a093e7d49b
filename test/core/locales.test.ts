import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readLanguage } from '../../src/core/i18n.js';
import { LANGUAGES } from '../../src/core/language.js';

type Tree = Record<string, unknown>;

/** Every leaf key of a bundle with its value, as `ns:a.b.c`. */
function flatten(tree: Tree, prefix = ''): Map<string, unknown> {
  const out = new Map<string, unknown>();

  for (const [key, value] of Object.entries(tree)) {
    const name = prefix ? `${prefix}.${key}` : key;
    if (value && typeof value === 'object' && !Array.isArray(value)) {
      for (const [k, v] of flatten(value as Tree, name)) {
        out.set(k, v);
      }
    } else {
      out.set(name, value);
    }
  }

  return out;
}

function variables(value: unknown): string[] {
  const text = JSON.stringify(value);

  return [...text.matchAll(/\{\{\s*([\w.]+)\s*\}\}/g)]
    .map((m) => m[1] as string)
    .sort();
}

const english = flatten(readLanguage('en') as Tree);

for (const lang of LANGUAGES.filter((l) => l !== 'en')) {
  test(`the ${lang} locale has every English key with the same variables`, () => {
    const other = flatten(readLanguage(lang) as Tree);

    const missing = [...english.keys()].filter((k) => !other.has(k));
    const extra = [...other.keys()].filter((k) => !english.has(k));
    assert.deepEqual(missing, [], `missing in ${lang}`);
    assert.deepEqual(extra, [], `unknown in ${lang}`);

    for (const [key, value] of english) {
      assert.deepEqual(
        variables(other.get(key)),
        variables(value),
        `${lang} ${key}`,
      );
    }
  });

  test(`the ${lang} locale is translated, not a copy of English`, () => {
    const other = flatten(readLanguage(lang) as Tree);
    const prose = [...english].filter(
      ([, v]) => typeof v === 'string' && v.includes(' '),
    );
    const same = prose.filter(([k, v]) => other.get(k) === v).map(([k]) => k);

    assert.ok(
      same.length <= prose.length / 10,
      `${lang} keeps English text: ${same.join(', ')}`,
    );
  });
}
