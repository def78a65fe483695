// Draws the app icon (build/icon.png, 512×512): an open book on a blue-violet rounded square.
// Run: npx tsx scripts/draw-icon.ts
import { writeFileSync } from 'node:fs';
import { encodePng } from './png.js';

const SIZE = 512;
const pixels = Buffer.alloc(SIZE * SIZE * 4);

function roundedSquare(x: number, y: number): boolean {
  const r = 110,
    m = 16;
  const cx = Math.min(Math.max(x, m + r), SIZE - m - r);
  const cy = Math.min(Math.max(y, m + r), SIZE - m - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r && x >= m && y >= m && x < SIZE - m && y < SIZE - m;
}

/** Inside one page of the open book: a slanted quadrilateral with a curved top. */
function page(x: number, y: number, side: number): boolean {
  const spine = 256;
  const dx = side * (x - spine);
  if (dx < 6 || dx > 170) return false;
  const top = 150 + 0.0016 * (dx - 85) ** 2 * -1 + 0.2 * dx - 10;
  const bottom = 370 + 0.12 * dx;
  return y > top && y < bottom;
}

function lineOnPage(x: number, y: number, side: number): boolean {
  const dx = side * (x - 256);
  if (dx < 30 || dx > 150) return false;
  for (let row = 0; row < 5; row++) {
    const base = 200 + row * 32 + 0.12 * dx;
    if (Math.abs(y - base) < 4) return true;
  }
  return false;
}

for (let y = 0; y < SIZE; y++) {
  for (let x = 0; x < SIZE; x++) {
    const i = (y * SIZE + x) * 4;
    if (!roundedSquare(x, y)) continue;
    const t = (x + y) / (2 * SIZE);
    let [r, g, b] = [37 + (124 - 37) * t, 99 + (58 - 99) * t, 235 + (237 - 235) * t];
    const side = x < 256 ? -1 : 1;
    if (page(x, y, side)) [r, g, b] = lineOnPage(x, y, side) ? [147, 160, 220] : [250, 250, 255];
    pixels.set([r, g, b, 255].map(Math.round), i);
  }
}

writeFileSync(new URL('../build/icon.png', import.meta.url), encodePng(SIZE, SIZE, pixels));
