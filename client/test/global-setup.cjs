// The component tests import the typed documents (src/generated): generate them from the current
// schema and sources first, as the build does, so a test never runs against stale documents.
const { execFileSync } = require('node:child_process');
const path = require('node:path');

module.exports = async function globalSetup() {
  execFileSync('npm', ['run', '--silent', 'generate', '--', '--silent'], { cwd: path.resolve(__dirname, '..'), stdio: 'inherit' });
};
