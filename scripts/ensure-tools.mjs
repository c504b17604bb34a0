// Before the tests: find the tools the tests run, or install Debian's packages when we can
// (root + apt-get, one install for all), or stop with exactly what to install. No test skips silently.
//  - Chromium, for the browser tests;
//  - Ruby with kramdown and its GFM parser, the renderer of the review's site: the oracle of the
//    importer's differential tests (tests/unit/importer-kramdown.test.ts, docs/importer.md).
import { existsSync } from 'node:fs';
import { execSync, spawnSync } from 'node:child_process';

const chromium = () =>
  [process.env.CHROME_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].filter(Boolean).some((p) => existsSync(p));
const kramdown = () => spawnSync('ruby', ['-rkramdown', '-rkramdown-parser-gfm', '-e', 'exit 0'], { stdio: 'ignore' }).status === 0;

const tools = [
  { name: 'Chromium', packages: ['chromium'], ok: chromium, other: 'or point CHROME_PATH at a Chrome or Chromium executable' },
  { name: 'kramdown (Ruby)', packages: ['ruby', 'ruby-kramdown', 'ruby-kramdown-parser-gfm'], ok: kramdown, other: 'or: gem install kramdown kramdown-parser-gfm' },
];

let missing = tools.filter((t) => !t.ok());
if (missing.length === 0) process.exit(0);

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
if (isRoot && existsSync('/usr/bin/apt-get')) {
  const packages = missing.flatMap((t) => t.packages).join(' ');
  console.log(`Not found: ${missing.map((t) => t.name).join(', ')}. Installing Debian's packages (apt-get): ${packages} ...`);
  try {
    execSync(`apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends ${packages}`, { stdio: 'inherit' });
  } catch {
    // fall through to the message below
  }
  missing = missing.filter((t) => !t.ok());
  if (missing.length === 0) process.exit(0);
}
console.error(`
The tests need ${missing.map((t) => t.name).join(' and ')}, and ${missing.length > 1 ? 'they were' : 'it was'} not found.
Install, then run the tests again:
  Debian/Ubuntu:  sudo apt-get install -y ${missing.flatMap((t) => t.packages).join(' ')}
${missing.map((t) => `  ${t.name}: ${t.other}`).join('\n')}
`);
process.exit(1);
