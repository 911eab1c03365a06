import type { LatLng } from '@kupwara/shared';
import { customType } from 'drizzle-orm/pg-core';

/**
 * A `geography(Point,4326)` column as { lat, lng }. Drizzle's own geometry type drops the SRID,
 * which breaks distance and KNN queries, hence this small type.
 */
export const geographyPoint = customType<{ data: LatLng; driverData: string }>({
  dataType: () => 'geography(Point,4326)',
  toDriver: ({ lat, lng }) => `SRID=4326;POINT(${lng} ${lat})`,
  fromDriver: (value) => parseEwkbPoint(value),
});

/** Reads the hex (E)WKB PostGIS returns for a point. */
function parseEwkbPoint(hex: string): LatLng {
  const bytes = Buffer.from(hex, 'hex');
  const littleEndian = bytes.readUInt8(0) === 1;
  const type = littleEndian ? bytes.readUInt32LE(1) : bytes.readUInt32BE(1);
  const hasSrid = (type & 0x20000000) !== 0;
  if ((type & 0xff) !== 1) throw new Error(`expected a WKB point, got type ${type}`);
  const offset = hasSrid ? 9 : 5;
  const x = littleEndian ? bytes.readDoubleLE(offset) : bytes.readDoubleBE(offset);
  const y = littleEndian ? bytes.readDoubleLE(offset + 8) : bytes.readDoubleBE(offset + 8);
  return { lat: y, lng: x };
}
