import { type S3Credentials, sha256Hex, signS3Request } from './s3-signature';
import type { MediaStorage } from './storage';

export interface S3StorageOptions extends S3Credentials {
  /** The S3 API endpoint, such as https://s3.ap-south-1.amazonaws.com or a MinIO/R2 URL. */
  endpoint: string;
  bucket: string;
  /** Where clients fetch the objects from: the bucket's public URL or a CDN in front of it. */
  publicUrl: string;
}

/** Any S3-compatible bucket, addressed path-style (endpoint/bucket/key), which they all accept. */
export function createS3Storage(options: S3StorageOptions): MediaStorage {
  const base = options.endpoint.replace(/\/+$/, '');
  const publicBase = options.publicUrl.replace(/\/+$/, '');
  return {
    async put(key, data, contentType) {
      const url = new URL(`${base}/${options.bucket}/${key}`);
      const headers = signS3Request(
        {
          method: 'PUT',
          url,
          headers: {
            'content-type': contentType,
            'content-length': String(data.length),
            // Keys are content hashes: the bytes under one never change.
            'cache-control': 'public, max-age=31536000, immutable',
          },
          payloadSha256: sha256Hex(data),
          now: new Date(),
        },
        options,
      );
      // fetch sets the host and the length itself (the same values, signed above); undici 7, which
      // expo-server-sdk installs as the global dispatcher, refuses a content-length given by hand.
      const { host: _host, 'content-length': _length, ...sent } = headers;
      const res = await fetch(url, { method: 'PUT', headers: sent, body: new Uint8Array(data) });
      if (!res.ok) throw new Error(`S3 PUT ${key} answered ${res.status}: ${(await res.text()).slice(0, 200)}`);
    },
    url: (key) => `${publicBase}/${key}`,
  };
}
