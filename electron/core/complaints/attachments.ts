import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { ApiError } from '../../../shared/api/errors';
import { ATTACHMENT_TYPES, MAX_ATTACHMENT_BYTES, type AttachmentType } from '../../../shared/api/methods/complaints';
import type { Db } from '../ledger/sql';

// Proof the customer sent (a transfer slip, a screenshot): kept in the data folder next to the
// ledger, named by its sha256, so the same file sent twice is kept once and a file can be checked
// against the journal. The journal carries only what identifies it.

/** What the file's first bytes say it is; the name and the declared type are not trusted. */
export function sniffType(bytes: Buffer): AttachmentType | null {
  const starts = (...sig: number[]) => sig.every((b, i) => bytes[i] === b);
  if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'image/png';
  if (starts(0xff, 0xd8, 0xff)) return 'image/jpeg';
  if (starts(0x52, 0x49, 0x46, 0x46) && bytes.subarray(8, 12).toString('latin1') === 'WEBP') return 'image/webp';
  if (bytes.subarray(0, 5).toString('latin1') === '%PDF-') return 'application/pdf';
  return null;
}

const DECLARED_ALIASES: Record<string, AttachmentType> = { 'image/jpg': 'image/jpeg', 'image/pjpeg': 'image/jpeg' };

export interface CheckedFile {
  bytes: Buffer;
  mimeType: AttachmentType;
  sha256: string;
}

/** Decodes and checks an upload, or throws bad_input naming the field. */
export function checkFile(input: { mimeType: string; dataBase64: string }): CheckedFile {
  const base64 = input.dataBase64.replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(base64)) throw ApiError.badInput([{ path: 'dataBase64', key: 'validation.invalid' }]);
  // checked before decoding: 4 characters carry 3 bytes
  if (Math.floor((base64.length * 3) / 4) - (base64.endsWith('==') ? 2 : base64.endsWith('=') ? 1 : 0) > MAX_ATTACHMENT_BYTES) {
    throw ApiError.badInput([{ path: 'dataBase64', key: 'complaints.errors.attachmentTooLarge' }]);
  }
  const bytes = Buffer.from(base64, 'base64');
  if (bytes.length === 0) throw ApiError.badInput([{ path: 'dataBase64', key: 'validation.required' }]);
  const sniffed = sniffType(bytes);
  const declared = input.mimeType.trim().toLowerCase();
  const declaredType = DECLARED_ALIASES[declared] ?? declared;
  const issues = [
    ...((ATTACHMENT_TYPES as readonly string[]).includes(declaredType) ? [] : [{ path: 'mimeType', key: 'complaints.errors.attachmentType' }]),
    ...(sniffed ? [] : [{ path: 'dataBase64', key: 'complaints.errors.attachmentType' }]),
  ];
  if (issues.length > 0 || !sniffed) throw ApiError.badInput(issues);
  // both allowed but different (a .jpg that is a PNG): the bytes decide what it is
  return { bytes, mimeType: sniffed, sha256: createHash('sha256').update(bytes).digest('hex') };
}

/** The data folder is the ledger's folder. */
function attachmentsDir(db: Db): string {
  return join(dirname(db.name), 'attachments');
}

function pathOf(db: Db, sha256: string): string {
  return join(attachmentsDir(db), sha256.slice(0, 2), sha256);
}

/** Stores the file unless it is already there; written aside then renamed, so no half file is seen. */
export function storeFile(db: Db, file: CheckedFile): void {
  const path = pathOf(db, file.sha256);
  if (existsSync(path)) return;
  mkdirSync(dirname(path), { recursive: true });
  const temp = `${path}.${process.pid}.part`;
  writeFileSync(temp, file.bytes);
  renameSync(temp, path);
}

/** The stored file, or null when it is not on this desk (taken at another) or does not match. */
export function readStoredFile(db: Db, sha256: string): Buffer | null {
  const path = pathOf(db, sha256);
  if (!existsSync(path)) return null;
  const bytes = readFileSync(path);
  return createHash('sha256').update(bytes).digest('hex') === sha256 ? bytes : null;
}
