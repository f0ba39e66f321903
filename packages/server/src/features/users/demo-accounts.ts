import { randomUUID } from 'node:crypto';
import { foldDiacritics, type Role, type Unit } from '@ntm/core';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { appendAudit } from '../audit/audit.repository';
import { hashPassword } from '../auth/password-hasher';
import { loadAllUnits } from '../units/units.repository';
import { insertUser } from './users.repository';

/** Every demo account starts with this password; it is printed by `npm start` and in the README. */
export const DEMO_PASSWORD = 'Demo@2026';
const DEMO_DISTRICT_CODE = '99003';

export interface DemoAccount {
  username: string;
  displayName: string;
  role: Role;
  unitId: string | null;
  departmentCode: string | null;
}

function slug(name: string): string {
  return foldDiacritics(name)
    .replace(/^(xa|phuong|thi tran|huyen) /, '')
    .replace(/[^a-z0-9]/g, '');
}

/**
 * One account per role: the coordination office, a leader, the transport department, a
 * district of the pre-2025 province with one of its communes, and a commune of 2026 formed
 * (among others) from that commune, so the same story can be followed across the reorganisation.
 */
export function demoAccounts(units: readonly Unit[]): DemoAccount[] {
  const district = units.find((u) => u.level === 'district' && u.code === DEMO_DISTRICT_CODE && u.isDemo);
  if (!district) return [];
  const byCode = (a: Unit, b: Unit) => a.code.localeCompare(b.code);
  const commune = units.filter((u) => u.parentId === district.id && u.kind === 'xa').sort(byCode)[0];
  const successor =
    commune && units.find((u) => u.level === 'commune' && u.predecessorIds.includes(commune.id));
  return [
    {
      username: 'tinh.admin',
      displayName: 'Văn phòng Điều phối NTM tỉnh (demo)',
      role: 'province_admin',
      unitId: null,
      departmentCode: null,
    },
    {
      username: 'lanhdao',
      displayName: 'Lãnh đạo UBND tỉnh (demo)',
      role: 'leader',
      unitId: null,
      departmentCode: null,
    },
    {
      username: 'so.gtvt',
      displayName: 'Cán bộ Sở Giao thông vận tải (demo)',
      role: 'department',
      unitId: null,
      departmentCode: 'transport',
    },
    {
      username: `huyen.${slug(district.name)}`,
      displayName: `Cán bộ UBND ${district.name} (demo)`,
      role: 'district',
      unitId: district.id,
      departmentCode: null,
    },
    ...(commune
      ? [
          {
            username: `xa.${slug(commune.name)}`,
            displayName: `Cán bộ UBND ${commune.name} (demo)`,
            role: 'commune' as const,
            unitId: commune.id,
            departmentCode: null,
          },
        ]
      : []),
    ...(successor
      ? [
          {
            username: `xa2026.${slug(successor.name)}`,
            displayName: `Cán bộ UBND ${successor.name} từ 2025 (demo)`,
            role: 'commune' as const,
            unitId: successor.id,
            departmentCode: null,
          },
        ]
      : []),
  ];
}

/**
 * Adds the demo accounts to a database that holds the demo province and no account yet, so a
 * demo started before accounts existed can be signed into too. Returns the accounts added.
 */
export async function ensureDemoAccounts(
  db: Kysely<Database>,
  at: Date = new Date(),
): Promise<DemoAccount[]> {
  const existing = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  if (Number(existing.n) > 0) return [];
  const accounts = demoAccounts(await loadAllUnits(db));
  if (accounts.length === 0) return [];
  const hashes = await Promise.all(accounts.map(() => hashPassword(DEMO_PASSWORD)));
  const stamp = at.toISOString();
  await db.transaction().execute(async (trx) => {
    for (const [i, account] of accounts.entries()) {
      await insertUser(trx, {
        id: randomUUID(),
        username: account.username,
        display_name: account.displayName,
        role: account.role,
        unit_id: account.unitId,
        department_code: account.departmentCode,
        password_hash: hashes[i] as string,
        active: 1,
        is_demo: 1,
        failed_attempts: 0,
        locked_until: null,
        version: 1,
        created_at: stamp,
        updated_at: stamp,
        password_changed_at: stamp,
      });
    }
    await appendAudit(
      trx,
      accounts.map((a) => ({
        actor: 'seed-demo',
        action: 'create' as const,
        entity: 'user',
        entityId: a.username,
        before: null,
        after: { ...a, demo: true },
        reason: 'Tài khoản demo cho từng vai trò',
        unitId: a.unitId,
      })),
      stamp,
    );
  });
  return accounts;
}

const roleOrder: readonly Role[] = ['province_admin', 'leader', 'department', 'district', 'commune'];

/** What `npm start` prints about signing in: the demo accounts, or how to create the first admin. */
export async function signInHelp(db: Kysely<Database>): Promise<string[]> {
  const rows = await db
    .selectFrom('users')
    .select(['username', 'role', 'display_name', 'is_demo'])
    .where('active', '=', 1)
    .execute();
  const demo = rows
    .filter((r) => r.is_demo === 1)
    .sort(
      (a, b) =>
        roleOrder.indexOf(a.role as Role) - roleOrder.indexOf(b.role as Role) ||
        a.username.localeCompare(b.username),
    );
  if (demo.length > 0) {
    const width = Math.max(...demo.map((r) => r.username.length));
    return [
      `  Tài khoản demo (mật khẩu ban đầu ${DEMO_PASSWORD}):`,
      ...demo.map((r) => `    ${r.username.padEnd(width)}  ${r.display_name}`),
    ];
  }
  if (rows.length === 0) {
    return ['  Chưa có tài khoản nào: tạo quản trị tỉnh bằng  npm run ntm -- create-admin <tên-đăng-nhập>'];
  }
  return [];
}
