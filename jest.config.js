/** Units and handler integration tests; the browser suite runs separately (see scripts/test.mjs). */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/test/unit/**/*.test.ts', '**/test/integration/**/*.test.ts'],
  // The host reads a few of the mini-program's plain-data modules, which import shared code by this alias.
  moduleNameMapper: { '^@shared/(.*)$': '<rootDir>/shared/$1' },
  transform: { '^.+\\.tsx?$': ['@swc/jest', { jsc: { target: 'es2022' } }] },
}
