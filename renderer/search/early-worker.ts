/**
 * The search worker, started as soon as this module is evaluated. main.tsx imports it before any
 * other module, so the worker fetches its code and opens the saved index while the page's own
 * modules are still being set up: at a start, that is most of the wait for the first results.
 */
export const searchWorker = new Worker(new URL('./search.worker.ts', import.meta.url), { type: 'module' });
