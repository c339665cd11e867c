import js from '@eslint/js';
import nx from '@nx/eslint-plugin';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';

/** One set of constraints, with what the API may depend on varying between its src and its tests. */
function moduleBoundaries({ api }) {
  return {
    enforceBuildableLibDependency: false,
    allow: [],
    depConstraints: [
      { sourceTag: 'type:contracts', onlyDependOnLibsWithTags: [], bannedExternalImports: ['@nestjs/*', 'typeorm', 'react', 'react-dom', 'leaflet', 'socket.io', 'pg', 'express'] },
      { sourceTag: 'type:testing', onlyDependOnLibsWithTags: ['type:contracts'] },
      { sourceTag: 'scope:api', onlyDependOnLibsWithTags: api },
      { sourceTag: 'scope:dashboard', onlyDependOnLibsWithTags: ['type:contracts'] },
      { sourceTag: 'scope:simulator', onlyDependOnLibsWithTags: ['type:contracts', 'type:testing'] },
      { sourceTag: 'scope:e2e', onlyDependOnLibsWithTags: ['type:contracts', 'type:testing'] },
      { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
    ],
  };
}

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', '**/.lintas/**', '**/coverage/**', '**/*.cjs', '**/vite.config.*', '**/vitest.config.*'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    plugins: { '@nx': nx },
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': ['error', { selector: "Property[key.name='synchronize'][value.value=true]", message: 'Schema changes go through migrations.' }],
    },
  },
  {
    files: ['**/*.ts', '**/*.tsx', '**/*.mts'],
    rules: {
      // Real constraints between layers: contracts depend on nothing of ours; apps never import each
      // other; the test launcher (type:testing) serves tests and tools only (see the override below).
      '@nx/enforce-module-boundaries': ['error', moduleBoundaries({ api: ['type:contracts'] })],
    },
  },
  {
    // The API's own specs may start processes and pick PostgreSQL through @lintas/testing; its src may not.
    files: ['apps/api/test/**/*.ts', 'apps/api/src/**/*.spec.ts'],
    rules: { '@nx/enforce-module-boundaries': ['error', moduleBoundaries({ api: ['type:contracts', 'type:testing'] })] },
  },
  {
    // The rules of hooks, and the React Compiler's checks that come with them (refs read or written
    // during render, state set in effects, impure renders).
    files: ['apps/dashboard/**/*.{ts,tsx}'],
    ...reactHooks.configs.flat.recommended,
  },
  {
    files: ['**/*.spec.ts', '**/*.spec.tsx', '**/test/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off', '@typescript-eslint/no-non-null-assertion': 'off' },
  },
);
