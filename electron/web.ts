import { fileURLToPath } from 'node:url';
import { PaperdropCore } from './core/paperdrop-core';
import { defaultConfigDir } from './core/paths';
import { WebAccess } from './web/access';
import { openBrowser } from './web/open-browser';
import { loadWebToken } from './web/token-store';
import { parseWebArgs, WEB_USAGE } from './web/web-args';
import { startWebServer, WEB_HOST } from './web/web-server';

/** `npm run web`: the watcher and ingest core behind a loopback server, for a browser instead of Electron. */
async function main(): Promise<void> {
  let args;
  try {
    args = parseWebArgs(process.argv.slice(2));
  } catch (error) {
    console.error(`Paperdrop web: ${(error as Error).message}\n${WEB_USAGE}`);
    process.exit(2);
  }
  const configDir = defaultConfigDir();
  const { token, replaced } = await loadWebToken(configDir, { renew: args.newToken });
  if (replaced) console.error(`Paperdrop web: ${replaced}; tabs opened with an older link must open the new one.`);
  const core = await PaperdropCore.start({
    configDir,
    samplesDir: fileURLToPath(new URL('../../assets/samples', import.meta.url)),
    parseWorker: new URL('./parse-worker.js', import.meta.url),
    ...(args.folder === undefined ? {} : { folder: args.folder }),
  });
  const server = await startWebServer({
    core,
    rendererDir: fileURLToPath(new URL('../renderer', import.meta.url)),
    port: args.port,
    accessFor: (port) => new WebAccess(token, port),
  }).catch(async (error: NodeJS.ErrnoException) => {
    await core.close();
    const reason = error.code === 'EADDRINUSE' ? `port ${args.port} is in use; pick another with --port` : error.message;
    console.error(`Paperdrop web: ${reason}`);
    process.exit(1);
  });
  const url = server.access.appUrl(WEB_HOST);
  console.log(`Paperdrop web: ${url}`);
  if (args.open) openBrowser(url);

  const stop = async () => {
    await server.close();
    await core.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
}

void main();
