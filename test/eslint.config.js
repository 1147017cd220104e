// ESLint for the whole repository, run from its top folder as `npm run lint`
// (eslint --config test/eslint.config.js .). docs/lint.md says what is checked and why.
import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const TS = ['**/*.ts', '**/*.tsx'];
// A leading underscore marks a name unused on purpose: a callback's leading argument, a field left out of a rest copy.
const UNUSED = { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' };

export default defineConfig([
  globalIgnores(['dist/', 'node_modules/', 'release/', 'test/.artifacts/']),

  js.configs.recommended,
  { files: TS, extends: [tseslint.configs.recommended] },

  { rules: { 'no-unused-vars': ['error', UNUSED] } },
  { files: TS, rules: { 'no-unused-vars': 'off', '@typescript-eslint/no-unused-vars': ['error', UNUSED] } },

  // Import cycles between modules. Imports of types alone are erased at build time and are not counted.
  {
    files: ['**/*.{ts,tsx,js,cjs,mjs}'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/extensions': ['.ts', '.tsx', '.js', '.cjs', '.mjs'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
      // The code imports its own modules without an extension ('./paper'), as the bundlers resolve them.
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.js', '.cjs', '.mjs', '.json'] })],
    },
    rules: {
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
    },
  },

  // The rules of hooks and the React Compiler's rules, for the renderer's components and hooks.
  {
    files: ['renderer/**/*.{ts,tsx}'],
    extends: [reactHooks.configs.flat.recommended],
  },

  // Where each part of the code runs.
  { files: ['renderer/**/*.{ts,tsx}'], languageOptions: { globals: globals.browser } },
  { files: ['electron/**/*.{ts,cjs}', 'test/**/*.{ts,tsx,js,cjs}', 'renderer/vite.config.ts'], languageOptions: { globals: { ...globals.node } } },
  { files: ['test/ui/**/*.{ts,tsx}'], languageOptions: { globals: { ...globals.node, ...globals.browser } } },
  // The Node version check runs on any Node, however old: ES5 and CommonJS (see the file's header).
  {
    files: ['electron/require-node.cjs'],
    languageOptions: { ecmaVersion: 5, sourceType: 'commonjs', globals: { ...globals.node } },
  },
]);
