// Lint with zero warnings. The layering rules here back up the per-layer tsconfigs:
// core/ is pure TypeScript and may not reach for electron, react, dexie, node:* or the DOM;
// electron/ and renderer/ may import core/ but never each other.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const nodeBuiltins = [
  'fs', 'path', 'os', 'child_process', 'net', 'dgram', 'http', 'https', 'crypto', 'zlib', 'stream',
  'worker_threads', 'url', 'util', 'events', 'buffer', 'tls', 'dns', 'readline', 'process',
];

export default tseslint.config(
  {
    ignores: [
      'node_modules/**', 'out/**', 'dist/**', 'renderer/dist/**', 'test-results/**', 'bench-results/**',
      'test/layering/bad-core/**', '.tmp/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2022, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-constant-condition': ['error', { checkLoops: false }],
    },
  },
  {
    files: ['core/**/*.ts'],
    ignores: ['core/**/*.test.ts'], // tests beside the source may read fixtures with node:fs
    rules: {
      'no-restricted-imports': ['error', {
        paths: [
          { name: 'electron', message: 'core/ is pure: no electron.' },
          { name: 'react', message: 'core/ is pure: no react.' },
          { name: 'react-dom', message: 'core/ is pure: no react-dom.' },
          { name: 'dexie', message: 'core/ is pure: no dexie.' },
          { name: 'xlsx', message: 'core/ is pure: parsing libraries stay at the edge (electron/ or renderer/).' },
          { name: 'cap', message: 'core/ is pure: no cap.' },
          ...nodeBuiltins.map((name) => ({ name, message: 'core/ is pure: no Node modules.' })),
        ],
        patterns: [
          { group: ['node:*'], message: 'core/ is pure: no node: modules.' },
          { group: ['**/electron/**', '**/renderer/**'], message: 'core/ may not import the outer layers.' },
        ],
      }],
      'no-restricted-globals': ['error',
        { name: 'document', message: 'core/ is pure: no DOM.' },
        { name: 'window', message: 'core/ is pure: no DOM.' },
        { name: 'navigator', message: 'core/ is pure: no DOM.' },
        { name: 'localStorage', message: 'core/ is pure: no DOM.' },
        { name: 'Buffer', message: 'core/ is pure: use Uint8Array.' },
        { name: 'process', message: 'core/ is pure: no Node globals.' },
        { name: 'require', message: 'core/ is pure: ES modules only.' },
      ],
    },
  },
  {
    files: ['electron/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [{ group: ['**/renderer/**'], message: 'electron/ may not import renderer/.' }],
      }],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [{ name: 'electron', message: 'the renderer talks to main only through the preload bridge.' }],
        patterns: [
          { group: ['**/electron/**'], message: 'renderer/ may not import electron/.' },
          { group: ['node:*'], message: 'the renderer has no Node.' },
          { group: ['zustand', 'zustand/*'], message: 'import the store from renderer/src/store only.' },
        ],
      }],
    },
  },
  {
    // The store module wraps zustand; the vite config runs in Node at build time.
    files: ['renderer/src/store/**/*.{ts,tsx}', 'renderer/vite.config.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
);
