// Loaded with `node --require` before electronegativity's CLI (test/security-audit.test.ts).
// The tool fetches translations and Electron's release list at start. Offline, its HTTP client
// raises those failures again from a retry timer, after the scan has gone on without them, and
// the process would end with the scan half done. Here every host name fails to resolve at once,
// and those failures alone are let pass; any other error still ends the run.
const dns = require('node:dns');

dns.lookup = (hostname, options, callback) => {
  const done = typeof options === 'function' ? options : callback;
  process.nextTick(() => done(Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname} (offline audit)`), { code: 'ENOTFOUND', hostname })));
};

process.on('uncaughtException', (error) => {
  if (error.code === 'ENOTFOUND' || /onCancel/u.test(error.message)) return;
  console.error(error);
  process.exit(70);
});
