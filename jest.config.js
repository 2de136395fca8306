// Jest projects: one per workspace plus cross-package tests. TypeScript is compiled by @swc/jest to CommonJS;
// the ESM-only packages listed below are transformed too (see docs/testing.md).
const esmPackages = [
  'bpmn-moddle',
  'zeebe-bpmn-moddle',
  'moddle',
  'moddle-xml',
  'min-dash',
  'saxen',
  'feelin',
  '@bpmn-io/feelin',
  'lezer-feel',
  '@lezer',
  'temporal-polyfill',
  'temporal-utils',
  'bpmnlint',
  'bpmnlint-plugin-camunda-compat',
  'bpmnlint-utils',
  '@bpmn-io/moddle-utils',
  'luxon',
  'typebox',
  'cookie',
  '@fastify/cookie',
  '@bpmn-io/feel-analyzer',
  'openid-client',
  'oauth4webapi',
  'jose',
];
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', tsx: true },
      target: 'es2022',
      transform: { react: { runtime: 'automatic' } },
    },
    module: { type: 'commonjs' },
  },
];
const common = {
  transform: { '^.+\\.(t|j|mj)sx?$': swc },
  transformIgnorePatterns: [`/node_modules/(?!(${esmPackages.join('|')})/)`],
  moduleNameMapper: {
    '^@motcua/engine$': '<rootDir>/engine/src/index.ts',
    '^@motcua/engine/postgres$': '<rootDir>/engine/src/infra/index.ts',
    '^@motcua/engine/client$': '<rootDir>/engine/src/client/index.ts',
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
  rootDir: '.',
  testEnvironment: 'node',
};

/** @type {import('jest').Config} */
export default {
  // Global setup runs in Jest's parent process, where Node loads ESM packages natively (require(esm)):
  // transform only TypeScript there.
  transform: { '^.+\\.tsx?$': swc },
  transformIgnorePatterns: ['/node_modules/'],
  globalSetup: '<rootDir>/tests/support/global-setup.mjs',
  globalTeardown: '<rootDir>/tests/support/global-teardown.mjs',
  testTimeout: 30000,
  projects: [
    { ...common, displayName: 'engine', testMatch: ['<rootDir>/engine/**/*.test.ts'] },
    { ...common, displayName: 'api', testMatch: ['<rootDir>/api/**/*.test.ts'] },
    {
      ...common,
      displayName: 'web',
      testMatch: ['<rootDir>/web/src/**/*.test.{ts,tsx}'],
      testEnvironment: 'jsdom',
    },
    { ...common, displayName: 'processes', testMatch: ['<rootDir>/processes/**/*.test.ts'] },
    { ...common, displayName: 'tests', testMatch: ['<rootDir>/tests/**/*.test.ts'] },
  ],
};
