import { createHash } from 'node:crypto';
import sharp, { type Metadata } from 'sharp';
import { AppError } from '../http/errors';

export const VARIANT_WIDTHS = [160, 480, 960] as const;
const ACCEPTED = new Set(['jpeg', 'png', 'webp', 'avif', 'gif', 'tiff']);
// A decompression bomb (a tiny file claiming a huge canvas) is refused before it is decoded.
const MAX_PIXELS = 40_000_000;

export interface ImageVariant {
  width: number;
  height: number;
  data: Buffer;
}

const notAnImage = (why: string) =>
  new AppError(400, 'VALIDATION_FAILED', why, { fields: [{ field: 'image', message: why }] });

/**
 * WebP copies of an uploaded photo at each of VARIANT_WIDTHS no wider than the original (at least
 * one), turned upright from its EXIF orientation, with metadata stripped. The id is a hash of the
 * upload, so the same photo uploaded twice gets the same files.
 */
export async function makeVariants(upload: Buffer): Promise<{ id: string; variants: ImageVariant[] }> {
  let metadata: Metadata;
  try {
    metadata = await sharp(upload, { limitInputPixels: MAX_PIXELS }).metadata();
  } catch {
    throw notAnImage('is not an image we can read (send JPEG, PNG or WebP)');
  }
  if (metadata.format === 'heif') throw notAnImage('HEIC photos cannot be read here: send JPEG, PNG or WebP');
  if (!metadata.format || !ACCEPTED.has(metadata.format) || !metadata.width || !metadata.height) {
    throw notAnImage('is not an image we can read (send JPEG, PNG or WebP)');
  }
  const swapsSides = (metadata.orientation ?? 1) >= 5;
  const uprightWidth = swapsSides ? metadata.height : metadata.width;
  const fitting: number[] = VARIANT_WIDTHS.filter((w) => w <= uprightWidth);
  const widths = fitting.length > 0 ? fitting : [uprightWidth];

  try {
    const variants = await Promise.all(
      widths.map(async (width) => {
        const { data, info } = await sharp(upload, { limitInputPixels: MAX_PIXELS })
          .rotate()
          .resize({ width, withoutEnlargement: true })
          .webp({ quality: 78 })
          .toBuffer({ resolveWithObject: true });
        return { width: info.width, height: info.height, data };
      }),
    );
    return { id: createHash('sha256').update(upload).digest('hex').slice(0, 20), variants };
  } catch {
    throw notAnImage('is a damaged image file');
  }
}
