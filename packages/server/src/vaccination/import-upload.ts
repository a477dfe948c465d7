import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { pipeline } from 'node:stream/promises';
import type { FastifyRequest } from 'fastify';
import { AppError } from '../http/errors.js';

/** A registry export of a million doses is about 150 MB as CSV; the app-wide upload limit is far lower. */
export const DOSE_FILE_MAX_BYTES = 300 * 1024 * 1024;

export interface SpooledUpload {
  file: string;
  filename: string;
  size: number;
  fields: Record<string, string>;
  /** Removes the temporary file; safe to call more than once. */
  discard(): Promise<void>;
}

const tooLarge = () => new AppError(413, 'TOO_LARGE', `Tệp quá lớn (tối đa ${DOSE_FILE_MAX_BYTES / 1024 / 1024} MB).`, 'File too large.', 'file');

/**
 * Pipes the multipart file straight to a temporary file under the data directory, so the upload
 * never sits in memory; the other form fields are collected beside it.
 */
export async function spoolUpload(req: FastifyRequest, dataDir: string, accept: RegExp): Promise<SpooledUpload> {
  if (!req.isMultipart()) throw new AppError(400, 'VALIDATION', 'Hãy gửi tệp dạng multipart/form-data (trường "file").', 'Send multipart/form-data with a "file" field.', 'file');
  const dir = path.join(dataDir, 'tmp');
  await fs.promises.mkdir(dir, { recursive: true });
  const fields: Record<string, string> = {};
  let spooled: { file: string; filename: string; size: number } | null = null;
  const discardAll = async () => { if (spooled) await fs.promises.rm(spooled.file, { force: true }); };
  try {
    for await (const part of req.parts({ limits: { fileSize: DOSE_FILE_MAX_BYTES, files: 1 } })) {
      if (part.type !== 'file') {
        fields[part.fieldname] = String(part.value);
        continue;
      }
      if (!accept.test(part.filename)) {
        part.file.resume();
        throw new AppError(400, 'BAD_FILE', `Tệp "${part.filename}" không phải Excel (.xlsx) hoặc CSV.`, 'Only .xlsx or .csv files.', 'file');
      }
      const file = path.join(dir, `upload-${randomBytes(8).toString('hex')}${path.extname(part.filename).toLowerCase()}`);
      spooled = { file, filename: part.filename, size: 0 };
      await pipeline(part.file, fs.createWriteStream(file));
      if (part.file.truncated) throw tooLarge();
      spooled.size = (await fs.promises.stat(file)).size;
    }
  } catch (err) {
    await discardAll();
    if ((err as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw tooLarge();
    throw err;
  }
  if (!spooled) throw new AppError(400, 'VALIDATION', 'Chưa chọn tệp để nhập.', 'No file uploaded.', 'file');
  const done = spooled;
  return { ...done, fields, discard: () => fs.promises.rm(done.file, { force: true }) };
}
