import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach } from 'vitest';
import { PaperdropCore, type CoreOptions } from '../electron/core/paperdrop-core';
import { WebAccess } from '../electron/web/access';
import { startWebServer, type WebServer } from '../electron/web/web-server';
import { SEEDS_DIR } from './shared-paths';
import { makeTempDir } from './temp-dir';

export const TEST_TOKEN = 'test-token-0123456789abcdef';

export interface TestWebServer {
  core: PaperdropCore;
  server: WebServer;
  folder: string;
  close(): Promise<void>;
}

/** The real web server and core in this process, on a temporary folder, serving a stand-in renderer. */
export async function startTestWebServer(watcher?: CoreOptions['watcher']): Promise<TestWebServer> {
  const rendererDir = await makeTempDir('renderer');
  await writeFile(join(rendererDir, 'index.html'), '<!doctype html><title>Paperdrop</title>');
  await mkdir(join(rendererDir, 'assets'));
  await writeFile(join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
  const folder = await makeTempDir('inbox');
  const core = await PaperdropCore.start({
    configDir: await makeTempDir('config'),
    samplesDir: SEEDS_DIR,
    folder,
    log: () => undefined,
    ...(watcher ? { watcher } : {}),
  });
  const server = await startWebServer({ core, rendererDir, port: 0, accessFor: (port) => new WebAccess(TEST_TOKEN, port), log: () => undefined });
  return {
    core,
    server,
    folder,
    close: async () => {
      await server.close();
      await core.close();
    },
  };
}

/** A new server for each test of the file, closed after it; its fields change as each test starts. */
export function testWebServerForEach(watcher?: CoreOptions['watcher']): TestWebServer {
  const current = {} as TestWebServer;
  beforeEach(async () => {
    Object.assign(current, await startTestWebServer(watcher));
  });
  afterEach(() => current.close());
  return current;
}
