import type { PackedCountries } from './countries-transfer';

/**
 * The embedded outlines as the build ships them (`scripts/country-outlines-file.mjs`): converted
 * from the Natural Earth topology once, at build time, instead of in every browser. The page reads
 * the file into the packed form (`PackedCountries`, whose geometry is built lazily) without parsing
 * JSON or converting a topology: the 760 kB topology's parse and conversion took a worker
 * ~100–250 ms of a core on each first load, on a machine whose cores the page and the API share.
 *
 * Layout: "LNO1", the header's length (u32, little-endian), the header (JSON: the countries'
 * properties, shapes and bounds, and the quantisation), padding to 4 bytes, the ring lengths
 * (u32 each), then every point as the zigzag varint deltas of its quantised longitude and latitude.
 * The points lie on the topology's grid (`transform`), so they come back exactly: `q × scale +
 * translate`, as topojson-client computes them.
 */
const MAGIC = 'LNO1';

export interface OutlinesQuantisation {
  scale: [number, number];
  translate: [number, number];
}

interface Header {
  countries: PackedCountries['countries'];
  rings: number;
  points: number;
  quantisation: OutlinesQuantisation;
}

export function encodeOutlines(packed: PackedCountries, quantisation: OutlinesQuantisation): Uint8Array {
  const points = packed.coordinates.length / 2;
  const header: Header = { countries: packed.countries, rings: packed.ringLengths.length, points, quantisation };
  const headerBytes = new TextEncoder().encode(JSON.stringify(header));
  const ringsAt = align4(8 + headerBytes.length);
  const varints: number[] = [];
  const [sx, sy] = quantisation.scale;
  const [tx, ty] = quantisation.translate;
  let previousX = 0;
  let previousY = 0;
  for (let point = 0; point < points; point++) {
    const x = Math.round((packed.coordinates[point * 2] - tx) / sx);
    const y = Math.round((packed.coordinates[point * 2 + 1] - ty) / sy);
    if (x * sx + tx !== packed.coordinates[point * 2] || y * sy + ty !== packed.coordinates[point * 2 + 1]) {
      throw new Error(`outlines: point ${point} is not on the topology's grid`);
    }
    writeVarint(varints, zigzag(x - previousX));
    writeVarint(varints, zigzag(y - previousY));
    previousX = x;
    previousY = y;
  }
  const pointsAt = ringsAt + packed.ringLengths.length * 4;
  const bytes = new Uint8Array(pointsAt + varints.length);
  bytes.set(new TextEncoder().encode(MAGIC), 0);
  new DataView(bytes.buffer).setUint32(4, headerBytes.length, true);
  bytes.set(headerBytes, 8);
  const rings = new DataView(bytes.buffer, ringsAt, packed.ringLengths.length * 4);
  packed.ringLengths.forEach((length, ring) => rings.setUint32(ring * 4, length, true));
  bytes.set(varints, pointsAt);
  return bytes;
}

export function decodeOutlines(buffer: ArrayBuffer): PackedCountries {
  const bytes = new Uint8Array(buffer);
  if (new TextDecoder().decode(bytes.subarray(0, 4)) !== MAGIC) throw new Error('outlines: not an outlines file');
  const headerLength = new DataView(buffer).getUint32(4, true);
  const header = JSON.parse(new TextDecoder().decode(bytes.subarray(8, 8 + headerLength))) as Header;
  const ringsAt = align4(8 + headerLength);
  const rings = new DataView(buffer, ringsAt, header.rings * 4);
  const ringLengths = new Uint32Array(header.rings);
  for (let ring = 0; ring < header.rings; ring++) ringLengths[ring] = rings.getUint32(ring * 4, true);
  const coordinates = new Float64Array(header.points * 2);
  const [sx, sy] = header.quantisation.scale;
  const [tx, ty] = header.quantisation.translate;
  let at = ringsAt + header.rings * 4;
  let x = 0;
  let y = 0;
  for (let point = 0; point < header.points; point++) {
    for (let axis = 0; axis < 2; axis++) {
      let value = 0;
      let shift = 0;
      let byte: number;
      do {
        if (at >= bytes.length) throw new Error('outlines: the file ends inside a point');
        byte = bytes[at++];
        value += (byte & 0x7f) * 2 ** shift;
        shift += 7;
      } while (byte & 0x80);
      const delta = value % 2 === 0 ? value / 2 : -(value + 1) / 2;
      if (axis === 0) coordinates[point * 2] = (x += delta) * sx + tx;
      else coordinates[point * 2 + 1] = (y += delta) * sy + ty;
    }
  }
  return { countries: header.countries, ringLengths, coordinates };
}

function align4(offset: number): number {
  return Math.ceil(offset / 4) * 4;
}

function zigzag(value: number): number {
  return value >= 0 ? value * 2 : -value * 2 - 1;
}

function writeVarint(out: number[], value: number): void {
  let rest = value;
  while (rest >= 0x80) {
    out.push((rest % 0x80) | 0x80);
    rest = Math.floor(rest / 0x80);
  }
  out.push(rest);
}
