import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', '.vscode-test/**', 'node_modules/**', '.demo/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.mjs', 'scripts/**/*.js'],
    languageOptions: {
      globals: { process: 'readonly', console: 'readonly', URL: 'readonly', fetch: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', Buffer: 'readonly' },
    },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'smart'],
    },
  },
  {
    // The core is editor- and cloud-agnostic: it runs in the CLI and in plain mocha.
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: ['vscode', '@aws-sdk/*'] }],
    },
  },
  {
    // Rules describe fixes as edit intents; the document's host writes the text. A rule that built
    // JSON text itself would write JSON into Python or YAML documents.
    files: ['src/core/rules/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: ['vscode', '@aws-sdk/*', '**/hosts/*'] }],
      'no-restricted-syntax': ['error',
        { selector: "CallExpression[callee.object.name='JSON'][callee.property.name='stringify']", message: 'Describe the change as an edit intent (src/core/edits/editIntent.ts); the host renders it.' },
        { selector: "ImportSpecifier[imported.name=/^(modify|applyEdits|format|setProperty)$/]", message: 'Describe the change as an edit intent; jsonc-parser edits write JSON only.' },
      ],
    },
  },
  {
    // The editor layer reaches AWS only through AwsAccess, which loads dist/aws.js on first use:
    // a static import would put the SDK on the activation path.
    files: ['src/vscode/**/*.ts', 'src/extension.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [{ group: ['@aws-sdk/*', '**/aws/index', '**/aws/clients', '**/aws/sendCreate', '**/aws/ecr'], message: 'Load AWS code through AwsAccess (dist/aws.js); import only types from src/aws/api.' }],
      }],
    },
  },
);
