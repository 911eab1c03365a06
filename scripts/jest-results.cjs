// Jest's results as `jest --json` writes them, to TEST_RESULTS_DIR/components.json for CI's count.
const fs = require('node:fs');
const path = require('node:path');
const { formatTestResults } = require('@jest/test-result');

module.exports = (results) => {
  const dir = process.env.TEST_RESULTS_DIR;
  if (dir) fs.writeFileSync(path.join(dir, 'components.json'), JSON.stringify(formatTestResults(results)));
  return results;
};
