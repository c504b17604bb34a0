// Before the tests: find Chromium, or install Debian's package when we can (root + apt-get),
// or stop with exactly what to install. Browser tests never skip silently.
import { existsSync } from 'node:fs';
import { execSync } from 'node:child_process';

const candidates = [process.env.CHROME_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].filter(Boolean);
const found = candidates.find((p) => existsSync(p));
if (found) {
  process.exit(0);
}
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const hasApt = existsSync('/usr/bin/apt-get');
if (isRoot && hasApt) {
  console.log('Chromium not found: installing Debian\'s "chromium" package (apt-get) ...');
  try {
    execSync('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium', { stdio: 'inherit' });
    if (existsSync('/usr/bin/chromium')) process.exit(0);
  } catch {
    // fall through to the message below
  }
}
console.error(`
The browser tests need Chromium and none was found.
Install it, then run the tests again:
  Debian/Ubuntu:  sudo apt-get install -y chromium
  or point CHROME_PATH at a Chrome or Chromium executable:  CHROME_PATH=/path/to/chrome npm test
`);
process.exit(1);
