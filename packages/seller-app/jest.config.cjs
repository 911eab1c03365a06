const expoPreset = require('jest-expo/jest-preset');

module.exports = {
  displayName: 'seller-app',
  preset: 'jest-expo',
  rootDir: __dirname,
  testMatch: ['<rootDir>/**/*.test.ts?(x)'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
  // gifted-charts' core ships ES modules: transform it like the React Native packages jest-expo already does.
  transformIgnorePatterns: expoPreset.transformIgnorePatterns.map((pattern) =>
    pattern.startsWith('/node_modules/(?!(') ? pattern.replace('(?!(', '(?!(gifted-charts-core|') : pattern,
  ),
  setupFiles: ['<rootDir>/../shared/jest.setup.cjs'],
};
