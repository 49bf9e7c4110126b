// A PMTiles archive for the basemap tests, written by hand (the npm package only reads them).
import { writeFileSync } from 'node:fs';

const varint = (n) => {
  const out = [];
  do {
    out.push((n & 0x7f) | (n > 0x7f ? 0x80 : 0));
    n >>>= 7;
  } while (n > 0);
  return out;
};

/**
 * A raster PMTiles archive (spec v3) of one zoom-0 PNG tile in one colour, written by hand: header,
 * root directory (one entry), JSON metadata, the tile. MapLibre over-zooms the tile to the city.
 */
export async function rasterArchive(file, colour, attribution) {
  const { createCanvas } = await import('@napi-rs/canvas');
  const canvas = createCanvas(256, 256);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = `rgb(${colour.join(',')})`;
  ctx.fillRect(0, 0, 256, 256);
  const tile = canvas.toBuffer('image/png');
  const dir = Buffer.from([...varint(1), ...varint(0), ...varint(1), ...varint(tile.length), ...varint(1)]);
  const meta = Buffer.from(JSON.stringify({ attribution }));
  const header = Buffer.alloc(127);
  header.write('PMTiles', 0, 'ascii');
  header.writeUInt8(3, 7);
  const u64 = (value, at) => header.writeBigUInt64LE(BigInt(value), at);
  u64(127, 8);
  u64(dir.length, 16);
  u64(127 + dir.length, 24);
  u64(meta.length, 32);
  u64(127 + dir.length + meta.length, 40);
  u64(0, 48);
  u64(127 + dir.length + meta.length, 56);
  u64(tile.length, 64);
  u64(1, 72);
  u64(1, 80);
  u64(1, 88);
  header.writeUInt8(1, 96); // clustered
  header.writeUInt8(1, 97); // internal compression: none
  header.writeUInt8(1, 98); // tile compression: none
  header.writeUInt8(2, 99); // PNG
  header.writeUInt8(0, 100);
  header.writeUInt8(0, 101);
  header.writeInt32LE(-1800000000, 102);
  header.writeInt32LE(-850000000, 106);
  header.writeInt32LE(1800000000, 110);
  header.writeInt32LE(850000000, 114);
  writeFileSync(file, Buffer.concat([header, dir, meta, tile]));
}
