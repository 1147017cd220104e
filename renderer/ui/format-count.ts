// One formatter for the whole window: Number.prototype.toLocaleString builds a new one on every
// call, which made a sidebar of a few hundred counts take longer than a key press may.
const COUNT = new Intl.NumberFormat('en');

/** 12,345: counts with thousands separators. */
export const formatCount = (count: number): string => COUNT.format(count);
