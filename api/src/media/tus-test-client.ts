import { request } from 'node:http';

/** A minimal tus 1.0 client for tests and benchmarks: what a browser's tus-js-client sends, one request at a time. */
export interface TusResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

const encode = (metadata: Record<string, string>) =>
  Object.entries(metadata)
    .map(([key, value]) => `${key} ${Buffer.from(value).toString('base64')}`)
    .join(',');

export function tusRequest(
  url: string,
  method: string,
  { token, headers = {}, body }: { token?: string; headers?: Record<string, string>; body?: Buffer | ((write: (chunk: Buffer) => boolean, end: () => void, cut: () => void) => void) } = {},
): Promise<TusResponse> {
  return new Promise((resolve, reject) => {
    const req = request(url, {
      method,
      headers: { 'tus-resumable': '1.0.0', ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
    });
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks).toString() }));
    });
    req.on('error', reject);
    if (typeof body === 'function') {
      body(
        (chunk) => req.write(chunk),
        () => req.end(),
        () => {
          // The connection drops in the middle of the request: no answer will come.
          req.destroy();
          resolve({ status: 0, headers: {}, body: '' });
        },
      );
    } else req.end(body);
  });
}

export async function createUpload(base: string, token: string | undefined, size: number, metadata: Record<string, string>): Promise<TusResponse> {
  return tusRequest(`${base}/uploads`, 'POST', { token, headers: { 'upload-length': String(size), 'upload-metadata': encode(metadata) } });
}

export function patchChunk(url: string, token: string, offset: number, chunk: Buffer): Promise<TusResponse> {
  return tusRequest(url, 'PATCH', {
    token,
    headers: { 'upload-offset': String(offset), 'content-type': 'application/offset+octet-stream', 'content-length': String(chunk.length) },
    body: chunk,
  });
}

/** Uploads `bytes` whole in chunks; returns the upload's id. */
export async function uploadAll(base: string, token: string, bytes: Buffer, metadata: Record<string, string>, chunkSize = 256 * 1024): Promise<string> {
  const created = await createUpload(base, token, bytes.length, metadata);
  if (created.status !== 201) throw new Error(`creation refused: ${created.status} ${created.body}`);
  const url = new URL(String(created.headers.location), base).toString();
  for (let offset = 0; offset < bytes.length; offset += chunkSize) {
    const res = await patchChunk(url, token, offset, bytes.subarray(offset, offset + chunkSize));
    if (res.status !== 204) throw new Error(`PATCH refused: ${res.status} ${res.body}`);
  }
  return url.split('/').pop()!;
}
