// Lint, with the layering rules of the design: code only imports downwards, and each folder
// imports only what may run where it runs. A wrong import fails `npm test`.
import tseslint from 'typescript-eslint';
import pluginVue from 'eslint-plugin-vue';

const NODE_BUILTINS = ['node:*', 'fs', 'path', 'os', 'crypto', 'child_process', 'worker_threads', 'http', 'net', 'url', 'util'];
const ban = (...groups) => ({
  'no-restricted-imports': ['error', { patterns: groups.map(([group, message]) => ({ group, message })) }],
});

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', 'release/**', 'test-results/**', 'playwright-report/**', '**/*.d.ts'] },
  ...tseslint.configs.recommended,
  ...pluginVue.configs['flat/recommended'],
  {
    files: ['**/*.vue'],
    languageOptions: { parserOptions: { parser: tseslint.parser, extraFileExtensions: ['.vue'] } },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'vue/multi-word-component-names': 'off',
      'vue/max-attributes-per-line': 'off',
      'vue/singleline-html-element-content-newline': 'off',
      'vue/html-self-closing': 'off',
    },
  },
  {
    files: ['shared/**'],
    rules: ban(
      [['**/electron/**', '**/renderer/**', '**/headoffice/**', 'electron'], 'shared/ is plain TypeScript: it imports nothing above it.'],
      [NODE_BUILTINS, 'shared/ runs in the browser too: no Node APIs.'],
    ),
  },
  {
    files: ['electron/core/**', 'electron/serve/**'],
    rules: ban(
      [['electron', 'electron/*'], 'Only the window shell imports electron; the core runs on plain Node.'],
      [['**/renderer/**', '**/headoffice/**'], 'The core does not import the renderer or head office.'],
    ),
  },
  {
    // The CLI starts either side (`serambi serve`, `serambi headoffice`), so it may import both.
    files: ['electron/cli/**'],
    rules: ban(
      [['electron', 'electron/*'], 'Only the window shell imports electron; the CLI runs on plain Node.'],
      [['**/renderer/**'], 'The CLI does not import the renderer.'],
    ),
  },
  {
    files: ['renderer/**'],
    rules: ban(
      [['**/electron/**', '**/headoffice/**', 'electron'], 'The renderer talks to the core only through window.serambi.invoke / HTTP.'],
      [NODE_BUILTINS, 'The renderer runs in a sandboxed page: no Node APIs.'],
    ),
  },
  {
    files: ['headoffice/**'],
    rules: ban([['**/electron/**', '**/renderer/**', 'electron'], 'Head office imports shared/ only.']),
  },
  {
    files: ['**/*.test.ts', 'tests/**', 'bench/**'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
);
