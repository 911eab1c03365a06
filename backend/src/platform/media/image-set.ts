import type { ImageSet } from '@kupwara/shared';
import type { MediaStorage } from './storage';
import type { StoredImage } from './stored-image';

/** The wire form of a stored image: URLs for each width, and the 480 px one (or the nearest) as `src`. */
export function toImageSet(image: StoredImage, storage: MediaStorage): ImageSet {
  const variants = image.variants.map((v) => ({ width: v.width, height: v.height, url: storage.url(v.key) }));
  const src = variants.find((v) => v.width >= 480) ?? variants[variants.length - 1];
  return {
    id: image.id,
    src: src?.url ?? '',
    srcset: variants.map((v) => `${v.url} ${v.width}w`).join(', '),
    variants,
  };
}
