// ESLint: the LWC platform rules (@salesforce/eslint-config-lwc, recommended) on the TypeScript
// sources, parsed by typescript-eslint with type information, plus typescript-eslint's own
// type-aware rules; Node rules for the tooling in scripts/.
import { createRequire } from 'node:module';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const require = createRequire(import.meta.url);
const lwcConfig = require('@salesforce/eslint-config-lwc');
const jestPlugin = require('eslint-plugin-jest');

const lwcRecommended = lwcConfig.configs.recommended.map((config) => ({
    ...config,
    files: ['lwc-ts/**/*.ts']
}));

export default tseslint.config(
    {
        ignores: [
            'node_modules/**',
            'build/**',
            'coverage/**',
            'force-app/main/default/lwc/**',
            'scripts/__tests__/fixtures/**',
            '.sf/**',
            '.sfdx/**'
        ]
    },
    ...lwcRecommended,
    {
        files: ['lwc-ts/**/*.ts'],
        extends: [...tseslint.configs.strictTypeChecked],
        languageOptions: {
            parser: tseslint.parser,
            parserOptions: {
                projectService: true,
                tsconfigRootDir: import.meta.dirname
            }
        },
        rules: {
            '@lwc/lwc/no-inner-html': 'error',
            '@lwc/lwc/no-document-query': 'error',
            '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
            '@typescript-eslint/consistent-type-imports': 'error'
        }
    },
    {
        files: ['lwc-ts/**/__tests__/**/*.ts', 'lwc-ts/**/*.test.ts'],
        plugins: { jest: jestPlugin },
        languageOptions: { globals: { ...globals.jest, ...globals.node } },
        rules: {
            ...jestPlugin.configs.recommended.rules,
            '@lwc/lwc/no-document-query': 'off',
            // Tests wait for wires and re-renders with timers; components may not.
            '@lwc/lwc/no-async-operation': 'off',
            // Tests drive the test wire adapters (emit, error) directly.
            '@lwc/lwc/no-unexpected-wire-adapter-usages': 'off',
            '@typescript-eslint/no-unsafe-assignment': 'off',
            '@typescript-eslint/no-unsafe-member-access': 'off',
            '@typescript-eslint/no-non-null-assertion': 'off'
        }
    },
    {
        files: ['lwc-ts/types/**/*.d.ts'],
        rules: {
            // Declarations describe the platform's modules; they are not component code.
            '@lwc/lwc/no-disallowed-lwc-imports': 'off',
            'no-use-before-define': 'off',
            '@typescript-eslint/no-explicit-any': 'off'
        }
    },
    {
        files: ['scripts/tools/**/*.mts'],
        extends: [...tseslint.configs.strictTypeChecked],
        languageOptions: {
            parser: tseslint.parser,
            parserOptions: { project: './tsconfig.tools.json', tsconfigRootDir: import.meta.dirname },
            globals: { ...globals.node }
        },
        rules: {
            '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }]
        }
    },
    {
        // node:test's describe() and test() return promises the runner awaits itself.
        files: ['scripts/tools/__tests__/**/*.mts'],
        rules: {
            '@typescript-eslint/no-floating-promises': 'off',
            '@typescript-eslint/no-non-null-assertion': 'off'
        }
    },
    {
        files: ['scripts/**/*.{js,mjs}', '*.{js,mjs}'],
        extends: [tseslint.configs.disableTypeChecked],
        languageOptions: { globals: { ...globals.node }, ecmaVersion: 'latest', sourceType: 'module' },
        rules: {
            'no-unused-vars': ['error', { argsIgnorePattern: '^_' }]
        }
    },
    {
        // The preview's own LWC modules (including the record form stand-ins) use decorators.
        files: ['scripts/preview/modules/**/*.js'],
        languageOptions: { parser: tseslint.parser, globals: { ...globals.browser } }
    },
    {
        files: ['**/*.cjs', 'jest.config.js'],
        languageOptions: { globals: { ...globals.node }, sourceType: 'commonjs' }
    }
);
