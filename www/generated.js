// @ts-check
// Datasets the page makes itself, from fixed seeds so a shared link reproduces them exactly:
// a synthetic "stock price" series (made up; the page labels it synthetic) and the tiny line
// y = 3·x + noise for the gradient-descent lesson. Sources name them as `file:NAME`.

export const STOCK_FILE = 'synthetic_stock.csv';
export const LINE_FILE = 'gd_line.csv';

/**
 * Mulberry32: a tiny seeded PRNG, enough for made-up prices (not for training).
 * @param {number} seed
 */
function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `days` closing prices starting at 100, as CSV bytes with columns `day,close`. */
export function syntheticStockCsv(seed = 42, days = 500) {
  const rand = mulberry32(seed);
  const normal = () => Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand());
  let price = 100;
  const lines = ['day,close'];
  for (let d = 0; d < days; d++) {
    const drift = 0.0004 + 0.002 * Math.sin((2 * Math.PI * d) / 120);
    price *= Math.exp(drift + 0.012 * normal());
    lines.push(`${d},${price.toFixed(2)}`);
  }
  return new TextEncoder().encode(`${lines.join('\n')}\n`);
}

/** 20 points on y = 3·x plus a little noise, x evenly spread over [-1, 1]: columns `x,y`. */
export function lineCsv() {
  const rand = mulberry32(7);
  const lines = ['x,y'];
  for (let i = 0; i < 20; i++) {
    const x = -1 + (2 * i) / 19;
    lines.push(`${x.toFixed(3)},${(3 * x + (rand() - 0.5) * 0.2).toFixed(3)}`);
  }
  return new TextEncoder().encode(`${lines.join('\n')}\n`);
}

/**
 * The page-made datasets by file name (a Map: a source such as `file:constructor` finds nothing).
 * @type {Map<string, () => Uint8Array>}
 */
export const GENERATED = new Map([[STOCK_FILE, () => syntheticStockCsv()], [LINE_FILE, lineCsv]]);
