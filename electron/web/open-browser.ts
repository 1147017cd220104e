import { spawn } from 'node:child_process';

/** The command that opens a URL in the user's default browser on each platform. */
export function browserCommand(url: string, platform = process.platform): [string, string[]] {
  if (platform === 'darwin') return ['open', [url]];
  if (platform === 'win32') return ['cmd', ['/c', 'start', '""', url.replace(/&/gu, '^&')]];
  return ['xdg-open', [url]];
}

export function openBrowser(url: string): void {
  const [command, args] = browserCommand(url);
  const child = spawn(command, args, { detached: true, stdio: 'ignore' });
  child.on('error', () => console.log(`Paperdrop: could not open a browser; open the link above yourself.`));
  child.unref();
}
