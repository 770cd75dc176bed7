// @ts-check
import tseslint from 'typescript-eslint';
import noUnsanitized from 'eslint-plugin-no-unsanitized';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

/** Contexts never import each other (DEVELOPERS.md): content, background, popup and options
 * may import only analysis, anchoring, shared and platform. */
const contexts = ['content', 'background', 'popup', 'options'];
const contextZones = contexts.map(ctx => ({
  files: [`src/${ctx}/**/*.{ts,tsx}`],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: contexts
          .filter(other => other !== ctx)
          .map(other => ({
            group: [`**/${other}/*`, `**/${other}`],
            message: `${ctx} must not import ${other}`,
          })),
      },
    ],
  },
}));

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'node_modules/**', 'tests/fixtures/**', '.tmp/**'] },
  ...tseslint.configs.recommended,
  noUnsanitized.configs.recommended,
  {
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-new-func': 'error',
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/platform/browser.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [{ name: 'webextension-polyfill', message: 'Import from src/platform/browser.ts only.' }] },
      ],
    },
  },
  ...contextZones,
  {
    files: ['src/analysis/**', 'src/anchoring/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/platform/*', 'webextension-polyfill', 'idb'],
              message: 'analysis and anchoring call no extension API',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/cli/**', 'scripts/**', 'bench/**', 'tests/**', '*.config.*'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
);
