import busboy from 'busboy';
import { createWriteStream } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';

/** Uploads larger than this are refused (413) rather than filling the disk. */
export const MAX_UPLOAD_BYTES = 2 * 1024 ** 3;

/** An upload the client must fix: the HTTP status and what is wrong. */
export class UploadError extends Error {
  override readonly name = 'UploadError';
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export interface Upload {
  path: string;
  /** The client's file name (for messages only; never used as a path). */
  name: string;
  bytes: number;
}

/**
 * Streams the multipart part named `field` into `dir` (busboy parses the body
 * as it arrives, so memory stays flat however large the file). Other parts are
 * drained. Resolves null when the body has no such part.
 */
export function receiveUpload(req: IncomingMessage, field: string, dir: string): Promise<Upload | null> {
  return new Promise((resolve, reject) => {
    let parser: busboy.Busboy;
    try {
      parser = busboy({ headers: req.headers, limits: { files: 1, fileSize: MAX_UPLOAD_BYTES, fields: 20, parts: 40 } });
    } catch (err) {
      req.resume();
      reject(new UploadError(400, `expected a multipart/form-data body with the CSV in a field named "${field}" (${(err as Error).message})`));
      return;
    }
    let saved: Promise<Upload> | null = null;
    parser.on('file', (name, stream, info) => {
      if (name !== field || saved) {
        stream.resume();
        return;
      }
      const path = join(dir, 'upload.csv');
      let bytes = 0;
      let truncated = false;
      stream.on('data', (c: Buffer) => (bytes += c.length));
      stream.on('limit', () => (truncated = true));
      saved = pipeline(stream, createWriteStream(path)).then(() => {
        if (truncated) throw new UploadError(413, `the file is larger than ${MAX_UPLOAD_BYTES} bytes`);
        return { path, name: info.filename || 'upload.csv', bytes };
      });
      // Rejections are handled once the body is parsed; until then keep node from reporting them as unhandled.
      saved.catch(() => undefined);
    });
    parser.on('close', () => {
      if (!saved) resolve(null);
      else saved.then(resolve, reject);
    });
    parser.on('error', (err: Error) => reject(new UploadError(400, `the multipart body is malformed: ${err.message}`)));
    req.on('aborted', () => reject(new UploadError(400, 'the upload was aborted')));
    req.pipe(parser);
  });
}
