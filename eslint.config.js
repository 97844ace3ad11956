// Lint enforces the layering (see CODE.md): shared/ stands alone, the renderer
// never reaches into the main process, and only the thin shell imports electron.
import js from '@eslint/js';
import { builtinModules } from 'node:module';
import tseslint from 'typescript-eslint';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];
const electronOnlyInShell = { name: 'electron', message: 'Only the shell (electron/main.ts, preload.ts, shell/) imports electron; everything else must run under plain Node.' };

export default tseslint.config(
  { ignores: ['dist/**', 'build/**', 'node_modules/**', 'test-results/**', '.bench/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx,js,mjs}'],
    languageOptions: { ecmaVersion: 2023, sourceType: 'module', globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-undef': 'off',
    },
  },
  {
    files: ['shared/**'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [...nodeBuiltins.map((name) => ({ name, message: 'shared/ runs in the renderer too: no Node modules.' })), electronOnlyInShell, { name: 'react', message: 'shared/ holds no UI.' }],
        patterns: [{ regex: '(^|/)(electron|renderer)(/|$)', message: 'Bad layering: shared/ imports nothing from electron/ or renderer/.' }],
      }],
    },
  },
  {
    files: ['renderer/**'],
    ignores: ['renderer/vite.config.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [...nodeBuiltins.map((name) => ({ name, message: 'The renderer is a browser page: no Node modules.' })), electronOnlyInShell],
        patterns: [{ regex: '(^|/)electron/', message: 'Bad layering: the renderer talks to the main process only through the contract in shared/.' }],
      }],
    },
  },
  {
    files: ['electron/**', 'test/**', 'resources/**'],
    ignores: ['electron/main.ts', 'electron/preload.ts', 'electron/shell/**'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [electronOnlyInShell],
        patterns: [{ regex: '(^|/)renderer/', message: 'Bad layering: the main process never imports the renderer.' }],
      }],
    },
  },
);
