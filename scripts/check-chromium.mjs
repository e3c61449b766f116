// The browser tests drive a real Chromium. Say clearly how to get one instead of failing obscurely.
import { existsSync } from 'node:fs';

const path = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (!existsSync(path)) {
  console.error(`terms-gate tests need Chromium at ${path} (set CHROMIUM_PATH to use another).`);
  console.error('On Debian or Ubuntu: sudo apt-get install -y chromium');
  process.exit(1);
}
