/**
 * The frame most browser test files share: one Chromium and one static server for all the tests
 * of the file, started before them and closed after them.
 */
import { afterAll, beforeAll } from 'vitest';
import type { Browser } from 'playwright-core';
import { launch } from './chromium.ts';
import { serve, type StaticServer } from './static-server.ts';
import { testDist } from './test-dist.ts';

export interface BrowserAndServer {
  /** Set once the file's first beforeAll has run. */
  readonly browser: Browser;
  readonly server: StaticServer;
}

/**
 * Registers the file's beforeAll (serve, then launch Chromium) and afterAll (close both), so call it
 * at the top of a test file, before the file's own hooks. `start` serves what the file needs: by
 * default this run's test build.
 */
export function useBrowserAndServer(start: () => Promise<StaticServer> = () => serve(testDist())): BrowserAndServer {
  const env = {} as { browser?: Browser; server?: StaticServer };
  beforeAll(async () => {
    env.server = await start();
    env.browser = await launch();
  });
  afterAll(async () => {
    await env.browser?.close();
    await env.server?.close();
  });
  return env as BrowserAndServer;
}
