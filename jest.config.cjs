// Component tests (jest-expo + Testing Library): `npm run test:components`.
module.exports = {
  projects: [
    '<rootDir>/packages/shared/jest.config.cjs',
    '<rootDir>/packages/customer-app/jest.config.cjs',
    '<rootDir>/packages/seller-app/jest.config.cjs',
    '<rootDir>/packages/rider-app/jest.config.cjs',
  ],
  testResultsProcessor: '<rootDir>/scripts/jest-results.cjs',
};
