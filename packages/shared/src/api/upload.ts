import type { ErrorCode } from '../contract/errors';
import { ApiError } from './client';

export interface UploadOptions {
  /** The whole address, query included. */
  url: string;
  token: string | undefined;
  body: FormData;
  /** 0 to 1 as the photo goes up. */
  onProgress: (fraction: number) => void;
}

/**
 * A multipart upload through XMLHttpRequest, which, unlike fetch, tells how much has gone up.
 * It does not renew an expired session: on a 401 the caller sends it again through the client.
 */
export function uploadWithProgress({ url, token, body, onProgress }: UploadOptions): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('POST', url);
    if (token) request.setRequestHeader('authorization', `Bearer ${token}`);
    request.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onProgress(event.loaded / event.total);
    };
    request.onload = () => {
      const parsed = (() => {
        try {
          return JSON.parse(request.responseText) as unknown;
        } catch {
          return undefined;
        }
      })();
      if (request.status >= 200 && request.status < 300) return resolve(parsed);
      const error = (parsed as { error?: { code: ErrorCode; message: string; details?: unknown } } | undefined)?.error;
      reject(
        new ApiError(request.status, error?.code ?? 'INTERNAL', error?.message ?? 'Upload failed', error?.details),
      );
    };
    request.onerror = () => reject(new ApiError(0, 'NETWORK_ERROR', 'No connection to the server'));
    request.send(body);
  });
}
