import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { communeOutside, demoAccountsOf } from './demo-accounts';
import { multipartBody } from './excel-files';
import { createTestApp, type TestApp, testDialect } from './harness';
import { type Session, signIn } from './sessions';

let t: TestApp;
let district: Session;
let ownCommune = '';
let otherCommune = '';

async function attach(session: Pick<Session, 'inject'>, bytes: Buffer, fileName: string, unitId?: string) {
  const { payload, contentType } = multipartBody(bytes, fileName);
  const response = await session.inject({
    method: 'POST',
    url: `/api/attachments${unitId ? `?unitId=${encodeURIComponent(unitId)}` : ''}`,
    payload,
    headers: { 'content-type': contentType },
  });
  return {
    status: response.statusCode,
    body: response.json() as { id: string; code?: string; fileName: string },
  };
}

const pdf = Buffer.from('%PDF-1.4\n% Biên bản kiểm tra hiện trường\n%%EOF\n');

beforeAll(async () => {
  t = await createTestApp({ seed: true });
  const accounts = await demoAccountsOf(t);
  district = await signIn(t.app, accounts.district.username);
  const own = await t.database.db
    .selectFrom('units')
    .select('id')
    .where('parent_id', '=', accounts.district.unitId ?? '')
    .where('level', '=', 'commune')
    .orderBy('code')
    .executeTakeFirstOrThrow();
  ownCommune = own.id;
  otherCommune = await communeOutside(t, accounts.district.unitId ?? '');
});

afterAll(async () => {
  await t?.close();
});

describe(`attachments (${testDialect})`, () => {
  it('stores a file for a unit in the uploader’s area and serves it back unchanged, with its Vietnamese name', async () => {
    const uploaded = await attach(district, pdf, 'Biên bản kiểm tra.pdf', ownCommune);
    expect(uploaded.status).toBe(201);
    expect(uploaded.body).toMatchObject({ fileName: 'Biên bản kiểm tra.pdf', mediaType: 'application/pdf' });

    const download = await district.inject({ method: 'GET', url: `/api/attachments/${uploaded.body.id}` });
    expect(download.statusCode).toBe(200);
    expect(download.rawPayload.equals(pdf)).toBe(true);
    expect(download.headers['content-disposition']).toContain(encodeURIComponent('Biên bản kiểm tra.pdf'));
    expect(download.headers['x-content-type-options']).toBe('nosniff');

    const audit = await t.database.db
      .selectFrom('audit_log')
      .select(['actor', 'unit_id'])
      .where('entity', '=', 'attachment')
      .where('entity_id', '=', uploaded.body.id)
      .execute();
    expect(audit).toEqual([{ actor: district.username, unit_id: ownCommune }]);
  });

  it('refuses a file about a unit outside the area, and another area’s file, writing nothing', async () => {
    const before = await t.database.db
      .selectFrom('attachments')
      .select((e) => e.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    const outside = await attach(district, pdf, 'bao-cao.pdf', otherCommune);
    expect(outside.status).toBe(403);
    expect(outside.body.code).toBe('forbidden');

    const byProvince = await attach(t, pdf, 'ho-so.pdf', otherCommune);
    expect(byProvince.status).toBe(201);
    const read = await district.inject({ method: 'GET', url: `/api/attachments/${byProvince.body.id}` });
    expect(read.statusCode).toBe(403);
    const after = await t.database.db
      .selectFrom('attachments')
      .select((e) => e.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n) + 1);
  });

  it('refuses types that could run or render, empty files and files over 10 MB with a clear code', async () => {
    const html = await attach(district, Buffer.from('<script>alert(1)</script>'), 'trang.html');
    expect(html.status).toBe(422);
    expect(html.body.code).toBe('validation_failed');
    const empty = await attach(district, Buffer.alloc(0), 'rong.pdf');
    expect(empty.status).toBe(422);
    const large = await attach(district, Buffer.alloc(10 * 1024 * 1024 + 1, 1), 'lon.pdf');
    expect(large.status).toBe(413);
    expect(large.body.code).toBe('file_too_large');
  });

  it('needs a signed-in user and a known id', async () => {
    const anonymous = await t.app.inject({ method: 'GET', url: '/api/attachments/khong-co' });
    expect(anonymous.statusCode).toBe(401);
    const missing = await district.inject({ method: 'GET', url: '/api/attachments/khong-co' });
    expect(missing.statusCode).toBe(404);
  });
});
