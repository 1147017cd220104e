// citation-js's core imports node-fetch for fetching remote inputs, which Paperdrop never does; in the
// page, the browser's own fetch stands in for it (see renderer/vite.config.ts), so no Node polyfill is bundled.
export default fetch;
export const Headers = globalThis.Headers;
