module.exports = {
  displayName: 'rider-app',
  preset: 'jest-expo',
  rootDir: __dirname,
  testMatch: ['<rootDir>/**/*.test.ts?(x)'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
  setupFiles: ['<rootDir>/../shared/jest.setup.cjs'],
};
