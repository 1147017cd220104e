import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const REPO = fileURLToPath(new URL('..', import.meta.url));
const WEB_ENTRY = `${REPO}dist/electron/web.js`;

export interface WebModeProcess {
  url: string;
  child: ChildProcess;
  /** The process's inspector (a DevTools WebSocket), when started with `inspect`. */
  inspector: string | null;
  stop(): Promise<void>;
}

/**
 * Runs `node dist/electron/web.js` as a user would, and waits for the line with its link. Port 0 picks a
 * free port. `inspect` opens Node's inspector on loopback, for a test to collect its garbage.
 */
export async function startWebMode(folder: string, configDir: string, options: { port?: number; args?: string[]; inspect?: boolean } = {}): Promise<WebModeProcess> {
  if (!existsSync(WEB_ENTRY) || !existsSync(`${REPO}dist/renderer/index.html`)) {
    throw new Error('Web mode is not built: run `npm run build` first (`npm test` does).');
  }
  const child = spawn(process.execPath, [...(options.inspect ? ['--inspect=127.0.0.1:0'] : []), WEB_ENTRY, '--folder', folder, '--port', String(options.port ?? 0), '--no-open', ...(options.args ?? [])], {
    env: { ...process.env, PAPERDROP_CONFIG_DIR: configDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += String(chunk);
      const match = /^Paperdrop web: (http:\/\/127\.0\.0\.1:\d+\/[\w-]+\/)$/mu.exec(output);
      if (match) resolve(match[1]!);
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`web mode exited with ${code}:\n${output}`)));
  });
  return {
    url,
    child,
    inspector: /^Debugger listening on (ws:\/\/\S+)$/mu.exec(output)?.[1] ?? null,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
