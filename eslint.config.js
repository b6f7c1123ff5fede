// Lint: errors, not warnings. The import restrictions keep dependencies pointing inward
// (STYLE.md habit 2): domain knows nothing of HTTP or SQL; the offline verifier library
// imports nothing of the server.
import tseslint from 'typescript-eslint';

const outer = ['**/http/**', '**/db/**', '**/services/**', '**/cli/**', '**/config/**', '**/jobs/**'];
const banned = (groups, message) => ({
  'no-restricted-imports': ['error', { patterns: [{ group: groups, message }] }],
});

export default tseslint.config(
  { ignores: ['node_modules/', 'data/', 'drizzle/', 'web/dist/', 'coverage/'] },
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      // node:test's test()/describe() return promises the runner awaits itself.
      '@typescript-eslint/no-floating-promises': [
        'error',
        {
          allowForKnownSafeCalls: [
            { from: 'package', package: 'node:test', name: ['test', 'describe', 'it', 'suite'] },
          ],
        },
      ],
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      eqeqeq: 'error',
    },
  },
  {
    files: ['src/domain/**/*.ts'],
    rules: banned(
      [...outer, '**/credentials/**', 'fastify', 'drizzle-orm', 'drizzle-orm/*', 'pg', '@electric-sql/*'],
      'domain is pure: no HTTP, SQL or services',
    ),
  },
  {
    files: ['src/verify/**/*.ts'],
    rules: banned(
      [...outer, '**/domain/**', '**/credentials/**', 'node:*', 'fastify', 'drizzle-orm', 'pg'],
      'the offline verifier runs in the browser: no server, database or Node imports',
    ),
  },
  {
    files: ['src/credentials/**/*.ts'],
    rules: banned(
      ['**/http/**', '**/db/**', '**/services/**', '**/cli/**', 'fastify', 'drizzle-orm', 'pg'],
      'credentials are pure crypto: no HTTP or SQL',
    ),
  },
  {
    files: ['src/crypto/**/*.ts'],
    rules: banned(
      [...outer, '**/domain/**', '**/credentials/**', 'fastify', 'drizzle-orm', 'drizzle-orm/*', 'pg'],
      'the personal-data cipher is pure crypto: no HTTP, SQL or services',
    ),
  },
  {
    files: ['src/services/**/*.ts'],
    rules: banned(
      ['**/http/**', '**/cli/**', 'fastify'],
      'services are called by http and cli, never the reverse',
    ),
  },
  {
    files: ['src/db/**/*.ts'],
    rules: banned(
      ['**/http/**', '**/services/**', '**/cli/**', 'fastify'],
      'repositories know nothing of HTTP or use cases',
    ),
  },
  {
    // The pages run in the browser: they may use the server's schemas (types through Static<>),
    // the offline verifier library and pure domain/i18n modules, never services, the database or
    // Node's modules.
    files: ['web/**/*.ts', 'web/**/*.tsx'],
    rules: banned(
      [
        '**/services/**',
        '**/db/**',
        '**/cli/**',
        '**/config/**',
        '**/jobs/**',
        '**/credentials/**',
        '**/adapters/**',
        // Not '**/http/**' with a '!' exception: an excluded folder cannot be re-included (gitignore rules).
        '**/http/*.ts',
        '**/http/plugins/**',
        '**/http/routes/**',
        'node:*',
        'fastify',
        'drizzle-orm',
        'pg',
      ],
      'web pages run in the browser: server schemas (types), src/verify and pure modules only',
    ),
  },
  {
    // Tests read JSON responses as `any` and assert on their fields; typing each body adds nothing.
    files: ['**/*.test.ts', 'test/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
  {
    files: ['**/*.js'],
    extends: [tseslint.configs.disableTypeChecked],
  },
);
