import { parseArgs } from 'node:util';

export const DEFAULT_WEB_PORT = 4720;

export interface WebArgs {
  folder?: string;
  port: number;
  open: boolean;
  /** Replace the stored token: tabs and links from before are refused. */
  newToken: boolean;
}

export const WEB_USAGE = 'Usage: npm run web -- [--folder DIR] [--port N] [--no-open] [--new-token]';

/** Reads `--folder DIR --port N --no-open --new-token`; throws with a readable message on anything else. */
export function parseWebArgs(argv: string[]): WebArgs {
  const { values } = parseArgs({
    args: argv,
    options: {
      folder: { type: 'string' },
      port: { type: 'string' },
      'no-open': { type: 'boolean', default: false },
      'new-token': { type: 'boolean', default: false },
    },
    strict: true,
    allowPositionals: false,
  });
  const port = values.port === undefined ? DEFAULT_WEB_PORT : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be a whole number from 0 to 65535, not "${values.port}"`);
  return { ...(values.folder === undefined ? {} : { folder: values.folder }), port, open: !values['no-open'], newToken: values['new-token'] };
}
