// @ts-check
import js from '@eslint/js';
import tanstackQuery from '@tanstack/eslint-plugin-query';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * Layers, lowest first: api → shared → domain → lib → stores → components → features → app. A layer
 * imports only layers below it; features never import each other; only main.tsx and tests import mocks.
 * The data service imports the contract (api), what both sides share (shared: the CSV format, the
 * identifiers' names) and the domain rules; nothing of the app's UI.
 */
const restrict = (files, patterns) => ({
  files,
  rules: { 'no-restricted-imports': ['error', { patterns }] },
});
const layer = (name, message) => ({ group: [`**/${name}/*`, `../${name}/*`, `../../${name}/*`], message });
/** The app's features (src/features/*), each isolated from the others. */
const FEATURES = ['kpis', 'sectors', 'projects', 'presentation', 'briefing', 'admin'];
const mocks = { group: ['**/mocks/*', '**/mocks/**'], message: 'Only main.tsx and tests import mocks.' };
/** The app reads figures only through the API; the dataset and the data service are not part of it. */
const backend = {
  group: ['**/data/*', '**/server/*', '**/server/**'],
  message: 'The app gets its data from the API (src/api), never from data/ or server/.',
};

export default tseslint.config(
  { ignores: ['dist', 'dist-*', 'node_modules', 'playwright-report', 'test-results', 'coverage', 'bench/results*'] },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      globals: { ...globals.browser, ...globals.node },
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      '@typescript-eslint/no-confusing-void-expression': 'off',
      '@typescript-eslint/no-unnecessary-condition': ['error', { allowConstantLoopConditions: true }],
    },
  },
  ...tanstackQuery.configs['flat/recommended'],
  { files: ['**/*.js', '**/*.mjs'], ...tseslint.configs.disableTypeChecked },
  restrict(
    ['src/api/**'],
    [
      layer('shared', 'api is the lowest layer'),
      layer('domain', 'api is the lowest layer'),
      layer('lib', 'api is the lowest layer'),
      layer('stores', 'api is the lowest layer'),
      layer('components', 'api is the lowest layer'),
      layer('features', 'api is the lowest layer'),
      layer('app', 'api is the lowest layer'),
      mocks,
      backend,
    ],
  ),
  // What the app and the data service both use that is neither contract nor rule: formats and names.
  restrict(
    ['src/shared/**'],
    [
      layer('domain', 'shared code uses the contract only'),
      layer('lib', 'shared code uses the contract only'),
      layer('stores', 'shared code uses the contract only'),
      layer('components', 'shared code uses the contract only'),
      layer('features', 'shared code uses the contract only'),
      layer('app', 'shared code uses the contract only'),
      mocks,
      backend,
    ],
  ),
  // Domain rules (src/domain): pure judgements over the contract's numbers, read by lib, features and the server.
  restrict(
    ['src/domain/**'],
    [
      layer('shared', 'domain rules use the contract only'),
      layer('lib', 'domain rules use the contract only'),
      layer('stores', 'domain rules use the contract only'),
      layer('components', 'domain rules use the contract only'),
      layer('features', 'domain rules use the contract only'),
      layer('app', 'domain rules use the contract only'),
      mocks,
      backend,
    ],
  ),
  restrict(
    ['src/lib/**'],
    [
      layer('stores', 'lib sits below stores'),
      layer('components', 'lib sits below components'),
      layer('features', 'lib imports no feature'),
      layer('app', 'lib imports no app code'),
      mocks,
      backend,
    ],
  ),
  restrict(
    ['src/stores/**'],
    [
      layer('components', 'stores sit below components'),
      layer('features', 'stores import no feature'),
      layer('app', 'stores import no app code'),
      mocks,
      backend,
    ],
  ),
  restrict(
    ['src/components/**'],
    [layer('features', 'components import no feature'), layer('app', 'components import no app code'), mocks, backend],
  ),
  // Features do not import each other (compose them in app/), nor app code.
  ...FEATURES.map((feature) =>
    restrict(
      [`src/features/${feature}/**`],
      [
        {
          group: FEATURES.filter((f) => f !== feature).flatMap((f) => [`**/features/${f}/*`, `../${f}/*`]),
          message: 'Features do not import each other; compose them in app/.',
        },
        layer('app', 'features import no app code'),
        mocks,
        backend,
      ],
    ),
  ),
  restrict(['src/app/**'], [mocks, backend]),
  // The dataset and the data service build on the contract; the app's UI code is not theirs to use.
  restrict(
    ['data/**', 'server/**'],
    [
      layer('lib', 'data and server use the contract, shared code and domain rules only'),
      layer('stores', 'data and server use the contract, shared code and domain rules only'),
      layer('components', 'data and server use the contract, shared code and domain rules only'),
      layer('features', 'data and server use the contract, shared code and domain rules only'),
      layer('app', 'data and server use the contract, shared code and domain rules only'),
      mocks,
    ],
  ),
  // Playwright fixtures call `use`, which is not React's hook.
  { files: ['tests/e2e/**'], rules: { 'react-hooks/rules-of-hooks': 'off' } },
  {
    files: ['tests/**', 'mocks/**', 'data/**', 'scripts/**', '**/*.test.{ts,tsx}', '*.config.ts'],
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-floating-promises': 'off',
    },
  },
);
