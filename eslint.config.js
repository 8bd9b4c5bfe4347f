import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['.output/**', '.output-*/**', '.wxt/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', '.bench/**', '.demo/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    ignores: ['test/e2e/**'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-floating-promises': 'off',
      // zod comes through lib/zod.ts: zod/mini (small bundles) with its English messages configured once.
      'no-restricted-imports': ['error', { paths: [{ name: 'zod', message: "Import * as z from '@/lib/zod'." }, { name: 'zod/mini', message: "Import * as z from '@/lib/zod'." }] }],
      // The production build removes react-dom's raw-HTML path (build/no-raw-html.ts): it would throw.
      'no-restricted-syntax': ['error', { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: 'Refinery does not render raw HTML: the production build makes dangerouslySetInnerHTML throw (build/no-raw-html.ts). Render elements, or sanitize into a DOM node (lib/html).' }],
    },
  },
  { files: ['lib/zod.ts'], rules: { 'no-restricted-imports': 'off' } },
  {
    // Playwright fixtures: `use` is Playwright's, not React's, and `{}` is its way to take no fixtures.
    files: ['test/e2e/**/*.ts'],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      'no-empty-pattern': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
);
