// citation-js with the two output plugins this export uses. Import this module only through a
// dynamic import (export-file.ts does), so the renderer's bundle loads citation-js on the first export.
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-ris';

export { Cite } from '@citation-js/core';
