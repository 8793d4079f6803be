import js from '@eslint/js';
import pluginQuery from '@tanstack/eslint-plugin-query';
import prettier from 'eslint-config-prettier';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist', 'dist-demo', 'dist-server', 'public/mockServiceWorker.js', 'bench/results'] },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      globals: { ...globals.browser, ...globals.node },
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
  },
  {
    files: ['**/*.{js,mjs}'],
    extends: [tseslint.configs.disableTypeChecked],
  },
  reactHooks.configs.flat.recommended,
  ...pluginQuery.configs['flat/recommended'],
  jsxA11y.flatConfigs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      '@typescript-eslint/no-confusing-void-expression': 'off',
    },
  },
  {
    // The contract builds zod schemas when loaded; the reader's path takes its types only.
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/api/contract.ts', 'src/server/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/api/contract', './contract'],
              allowTypeImports: true,
              message:
                'Import only types from the contract here; a form that validates with its schemas must be lazy-loaded (add an eslint-disable with the reason).',
            },
          ],
        },
      ],
    },
  },
  {
    // The client never loads the server, whatever a component would like to reuse.
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/server/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/server/**', '**/server'],
              message: 'The client never imports src/server.',
            },
          ],
        },
      ],
    },
  },
  {
    // The backend knows nothing of the UI: only the contract and small pure helpers.
    files: ['src/server/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                '**/features/**',
                '**/components/**',
                '**/app/**',
                'react',
                'react-dom',
                '@tanstack/*',
              ],
              message: 'The server does not import the UI.',
            },
          ],
        },
      ],
    },
  },
  {
    // The data layer owns the query cache: views read it through src/api's hooks and
    // factories, so every cache effect has one home (TkDodo, "Creating Query Abstractions").
    files: ['src/app/**/*.{ts,tsx}', 'src/features/**/*.{ts,tsx}', 'src/components/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector:
            'CallExpression[callee.property.name=/^(getQueryData|getQueriesData|setQueryData|setQueriesData|getQueryState|invalidateQueries|refetchQueries|removeQueries|resetQueries|cancelQueries|fetchQuery|fetchInfiniteQuery|prefetchQuery|prefetchInfiniteQuery|ensureQueryData|ensureInfiniteQueryData)$/]',
          message:
            'Components do not touch the query cache by key: add a function to the src/api module that owns the key.',
        },
        {
          selector: "CallExpression[callee.name='useQueryClient']",
          message:
            'Components do not hold the query client: the src/api module that owns the data does.',
        },
        // Page addresses come from src/lib/paths.ts, so that a route and its links change together.
        ...[
          "JSXAttribute[name.name='to'] > Literal",
          "JSXAttribute[name.name='to'] > JSXExpressionContainer > TemplateLiteral > TemplateElement:first-child[value.raw=/^\\//]",
          "Property[key.name='to'] > Literal[value=/^\\//]",
          "Property[key.name='to'] > TemplateLiteral > TemplateElement:first-child[value.raw=/^\\//]",
          'CallExpression[callee.name=/^(navigate|useMatch|matchPath)$/] > Literal[value=/^\\//]',
          'CallExpression[callee.name=/^(navigate|useMatch|matchPath)$/] > TemplateLiteral > TemplateElement:first-child[value.raw=/^\\//]',
        ].map((selector) => ({
          selector,
          message: 'Build page addresses with src/lib/paths.ts (paths, pagePatterns).',
        })),
      ],
    },
  },
  prettier,
);
