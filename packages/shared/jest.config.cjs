// Component tests (jest-expo + Testing Library): `npm run test:components` at the root.
module.exports = {
  preset: 'jest-expo',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.test.tsx'],
  setupFiles: ['<rootDir>/jest.setup.cjs'],
  testResultsProcessor: '<rootDir>/../../scripts/jest-results.cjs',
};
