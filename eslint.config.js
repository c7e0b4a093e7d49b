// Lint rules, and the layer rules that keep each folder honest about what it
// may load: the daemon and the holder must start without Ink or React, and
// code shared by every process must not pull in native or UI modules.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const ui = ['ink', 'ink-*', 'react', 'react/*'];
const native = ['node-pty', '@xterm/*'];

function layer(files, patterns, message) {
  return {
    files,
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: patterns, message }] },
      ],
    },
  };
}

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'locales/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: { process: 'readonly', console: 'readonly' },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      'max-len': ['error', { code: 100, ignoreUrls: true }],
    },
  },
  layer(
    ['src/core/**', 'src/protocol/**', 'src/config/**'],
    [...ui, ...native, '**/cli/**', '**/daemon/**', '**/platform/**'],
    'shared code loads neither native modules, the UI, nor a higher layer',
  ),
  layer(
    ['src/platform/**', 'src/install/**'],
    [...ui, '**/cli/**', '**/daemon/**', '**/client/**'],
    'the platform is the lowest layer and never loads the UI',
  ),
  layer(
    ['src/console/**'],
    [...ui, '**/cli/**', '**/client/**', '**/components/**'],
    'the console server runs in the daemon and never loads the client side',
  ),
  layer(
    ['src/daemon/**'],
    [...ui, '**/cli/**', '**/client/**', '**/components/**'],
    'the daemon never loads the UI or the client side',
  ),
  layer(
    ['src/client/**'],
    [...ui, '**/cli/**', '**/daemon/**', '**/platform/**'],
    'the client talks to daemons only through the protocol',
  ),
  layer(
    ['src/cli/**'],
    ui,
    'a CLI verb never loads the UI; the tui command imports it dynamically',
  ),
  layer(
    ['components/**'],
    ['**/daemon/**', '**/platform/**', '**/cli/**'],
    'the UI reaches zones only through the client and the admin operations',
  ),
  // Later entries replace earlier ones for the same files, so this one
  // repeats the UI's rule and adds Ink and React.
  layer(
    ['components/model/**', 'components/console/**', 'components/terminal/**'],
    [...ui, '**/daemon/**', '**/platform/**', '**/cli/**'],
    "the UI's logic draws nothing: it stays testable without Ink or React",
  ),
);
