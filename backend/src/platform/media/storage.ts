import { mkdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** Where image files live. Keys are content-addressed, so a key's bytes never change. */
export interface MediaStorage {
  put(key: string, data: Buffer, contentType: string): Promise<void>;
  url(key: string): string;
}

/** Files under a directory, served by the app at `publicPrefix` (the embedded default: DATA_DIR/media at /media). */
export function createFileStorage(dir: string, publicPrefix = '/media'): MediaStorage {
  return {
    async put(key, data) {
      const file = path.join(dir, key);
      await mkdir(path.dirname(file), { recursive: true });
      // Written aside and renamed, so a reader never sees half a file.
      const partial = `${file}.${process.pid}.partial`;
      await writeFile(partial, data);
      await rename(partial, file);
    },
    url: (key) => `${publicPrefix}/${key}`,
  };
}
