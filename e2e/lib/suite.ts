// The frame most test files share: their own server, seeded through the CLI before the first
// test, and one browser; both are stopped after the last test, the server's log kept in the
// artifacts. Call it inside `describe`.
import { after, before } from 'node:test';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { launchBrowser, openPage } from './browser';
import { ADMIN, type Account } from './seed';
import { startServer, type RunningServer } from './server';
import { signIn } from './ui';

export interface Suite {
  readonly server: RunningServer;
  readonly browser: Browser;
  /** A page in a fresh browser context on the server. */
  open(options?: BrowserContextOptions): Promise<Page>;
  /** A page in a fresh browser context, signed in (as the administrator unless told). */
  signedIn(account?: Account): Promise<Page>;
}

export function useServerAndBrowser(name: string, seed?: (server: RunningServer) => Promise<unknown>): Suite {
  let server: RunningServer | undefined;
  let browser: Browser | undefined;

  before(async () => {
    server = await startServer(name);
    await seed?.(server);
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  const started = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`${what} has not started`);
    return value;
  };

  const suite: Suite = {
    get server() {
      return started(server, 'the server');
    },
    get browser() {
      return started(browser, 'the browser');
    },
    open: (options) => openPage(suite.browser, suite.server.baseUrl, options),
    async signedIn(account = ADMIN) {
      const page = await suite.open();
      await signIn(page, account.email, account.password);
      return page;
    },
  };
  return suite;
}
