// ESLint for the web sources (`npm run lint`, run by `make lint`): the
// TypeScript rules of typescript-eslint, React's rules of hooks and Vite's
// fast-refresh rule. Types are checked by `tsc --noEmit`, not here.
import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import reactHooks from 'eslint-plugin-react-hooks';
import { reactRefresh } from 'eslint-plugin-react-refresh';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default defineConfig([
  // Build output, and the API types generated from schemas/openapi.yaml.
  globalIgnores(['dist/', 'src/shared/api/schema.d.ts']),
  {
    files: ['**/*.{ts,tsx}'],
    extends: [
      js.configs.recommended,
      tseslint.configs.recommended,
      reactHooks.configs.flat.recommended,
      reactRefresh.configs.vite(),
    ],
    languageOptions: {
      ecmaVersion: 2022,
      globals: globals.browser,
    },
  },
  {
    // A component file past 250 lines does more than one job: split it (a hook, a part, logic in a .ts).
    files: ['src/**/*.tsx'],
    rules: { 'max-lines': ['error', { max: 250 }] },
  },
  {
    files: ['*.{js,mjs}', 'scripts/**/*.mjs'],
    extends: [js.configs.recommended],
    languageOptions: { globals: globals.node },
  },
]);
