import { chromium, type Browser } from 'playwright-core';
import { chromiumArgs, chromiumPath } from '../../vite.config.ts';

/** Debian's Chromium, headless, with the flags this machine's closed network needs. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
}
