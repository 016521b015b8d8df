import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: ['dist/', 'build/', '.tmp/', '.cache/', '.strapi/', 'node_modules/', 'widgets/dist/', 'types/generated/', 'public/'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: { ...globals.node },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
  {
    files: ['**/*.js', '**/*.cjs'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['widgets/**/*.ts'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    files: ['cms/admin/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    // The WordPress plugin's editor script: a classic browser script, no build step.
    files: ['integrations/wordpress/**/assets/*.js'],
    languageOptions: { sourceType: 'script', globals: { ...globals.browser } },
  }
);
