import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_ATTACHMENT_BYTES } from '../../../shared/api/methods/complaints';
import { rejection } from '../testing';
import { sniffType } from './attachments';
import { disbursementComplaint, startComplaintDesk, type ComplaintDesk } from './testing';

// Proof attached to a complaint: checked by its first bytes and its size, kept in the data folder
// by sha256, never in the journal.
let t: ComplaintDesk;
let id: string;
beforeAll(async () => {
  t = await startComplaintDesk();
  id = (await t.call('complaints.create', disbursementComplaint(t.clock.now), t.token.citra)).id;
});
afterAll(() => t.close());

const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('bukti transfer')]);
const PDF = Buffer.from('%PDF-1.7\n1 0 obj\n<<>>\nendobj\n%%EOF\n');
const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46]);
const WEBP = Buffer.concat([Buffer.from('RIFF'), Buffer.from([0x10, 0, 0, 0]), Buffer.from('WEBPVP8 ')]);
const EXE = Buffer.from('MZ\x90\x00\x03');
const files = () => {
  const dir = join(t.dataDir, 'attachments');
  return existsSync(dir) ? readdirSync(dir, { recursive: true }).filter((f) => String(f).length > 2) : [];
};
const journal = () => (t.core.db.prepare(`SELECT count(*) AS n FROM journal`).get() as { n: number }).n;

describe('sniffType', () => {
  it.each([
    [PNG, 'image/png'],
    [PDF, 'application/pdf'],
    [JPEG, 'image/jpeg'],
    [WEBP, 'image/webp'],
    [EXE, null],
    [Buffer.from('RIFF\x10\x00\x00\x00WAVEfmt '), null],
    [Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'), null],
  ])('%#', (bytes, type) => expect(sniffType(bytes)).toBe(type));
});

describe('complaints.attach', () => {
  it('keeps the file by sha256 in the data folder and gives it back', async () => {
    const attached = await t.call('complaints.attach', { id, fileName: 'bukti.png', mimeType: 'image/png', dataBase64: PNG.toString('base64') }, t.token.citra);
    const [attachment] = attached.attachments;
    expect(attachment).toMatchObject({ fileName: 'bukti.png', mimeType: 'image/png', size: PNG.length, at: t.clock.now });
    const payload = (t.core.db.prepare(`SELECT payload FROM journal WHERE type = 'complaint.attached'`).get() as { payload: string }).payload;
    expect(payload).not.toContain(PNG.toString('base64'));
    const back = await t.call('complaints.attachment', { id, attachmentId: attachment!.id }, t.token.kamal);
    expect(back).toEqual({ fileName: 'bukti.png', mimeType: 'image/png', dataBase64: PNG.toString('base64') });
  });

  it('trusts the bytes over the declared type', async () => {
    const attached = await t.call('complaints.attach', { id, fileName: 'bukti.jpg', mimeType: 'image/jpg', dataBase64: PDF.toString('base64') }, t.token.maya);
    expect(attached.attachments.at(-1)?.mimeType).toBe('application/pdf');
  });

  it.each([
    ['an executable named .png', { fileName: 'bukti.png', mimeType: 'image/png', dataBase64: EXE.toString('base64') }, [{ path: 'dataBase64', key: 'complaints.errors.attachmentType' }]],
    ['a text file', { fileName: 'catatan.txt', mimeType: 'text/plain', dataBase64: Buffer.from('halo').toString('base64') }, [
      { path: 'mimeType', key: 'complaints.errors.attachmentType' },
      { path: 'dataBase64', key: 'complaints.errors.attachmentType' },
    ]],
    ['a PNG one byte over 10 MB', { fileName: 'besar.png', mimeType: 'image/png', dataBase64: Buffer.concat([PNG, Buffer.alloc(MAX_ATTACHMENT_BYTES + 1 - PNG.length)]).toString('base64') }, [
      { path: 'dataBase64', key: 'complaints.errors.attachmentTooLarge' },
    ]],
    ['text that is not base64', { fileName: 'x.png', mimeType: 'image/png', dataBase64: 'bukan base64!' }, [{ path: 'dataBase64', key: 'validation.invalid' }]],
  ])('refuses %s, saving nothing', async (_case, input, fields) => {
    const before = { journal: journal(), files: files().length };
    const error = await rejection(t.call('complaints.attach', { id, ...input }, t.token.citra));
    expect(error.fields).toEqual(fields);
    expect({ journal: journal(), files: files().length }).toEqual(before);
  });

  it('takes a PNG of exactly 10 MB', async () => {
    const data = Buffer.concat([PNG, Buffer.alloc(MAX_ATTACHMENT_BYTES - PNG.length)]);
    const attached = await t.call('complaints.attach', { id, fileName: 'pas.png', mimeType: 'image/png', dataBase64: data.toString('base64') }, t.token.citra);
    expect(attached.attachments.at(-1)?.size).toBe(MAX_ATTACHMENT_BYTES);
  });

  it('answers not found for a file this desk does not hold', async () => {
    const error = await rejection(t.call('complaints.attachment', { id, attachmentId: 'tidak-ada' }, t.token.citra));
    expect([error.code, error.key]).toEqual(['not_found', 'complaints.errors.attachmentNotFound']);
  });
});
