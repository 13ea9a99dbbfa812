import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'test-results/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      ecmaVersion: 2023,
      sourceType: 'module',
      globals: { ...globals.browser, ...globals.node },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      eqeqeq: ['error', 'always'],
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-new-func': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
    },
  },
  {
    // The interface builds DOM with createElement + textContent only: no HTML parsing sinks.
    files: ['src/main.ts', 'src/ui/**/*.ts', 'src/i18n/**/*.ts'],
    rules: {
      'no-restricted-properties': [
        'error',
        { property: 'innerHTML', message: 'Build elements and set textContent instead.' },
        { property: 'outerHTML', message: 'Build elements and set textContent instead.' },
        { property: 'insertAdjacentHTML', message: 'Build elements and set textContent instead.' },
        { property: 'createContextualFragment', message: 'Do not parse HTML in the UI.' },
        { object: 'document', property: 'write', message: 'Do not parse HTML in the UI.' },
      ],
    },
  },
  {
    // The deterministic layers may not read the wall clock or an unseeded random source.
    files: ['src/sim/**/*.ts'],
    rules: {
      'no-restricted-properties': [
        'error',
        { object: 'Math', property: 'random', message: 'Use the seeded PRNG in the sim state.' },
        { object: 'Date', property: 'now', message: 'The sim runs on simulated time.' },
        { object: 'performance', property: 'now', message: 'The sim runs on simulated time.' },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "NewExpression[callee.name='Date']",
          message: 'The sim runs on simulated time.',
        },
      ],
    },
  },
);
