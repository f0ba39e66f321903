import { describe, expect, it } from 'vitest';
import { buildCommune, buildDistrict, buildProvince, buildVillage } from '../testing/builders';
import type { Principal } from './roles';
import { canNavigateUnit, canReadUnit, canVerifyUnit, canWriteUnit, isWithin, readRoots } from './scope';

const province = buildProvince();
const d1 = buildDistrict({ id: 'd-1' });
const d2 = buildDistrict({ id: 'd-2', code: '002' });
const c1 = buildCommune({ id: 'c-1', parentId: 'd-1' });
const c2 = buildCommune({ id: 'c-2', parentId: 'd-2' });
const v1 = buildVillage({ id: 'v-1', parentId: 'c-1' });
const v2 = buildVillage({ id: 'v-2', parentId: 'c-2' });
// After the reorganisation: a commune directly under the province, formed from c-1 and c-2.
const merged = buildCommune({ id: 'n-1', parentId: 'p-1', predecessorIds: ['c-1', 'c-2'] });
const graph = { byId: new Map([province, d1, d2, c1, c2, v1, v2, merged].map((u) => [u.id, u])) };

function user(role: Principal['role'], unitId: string | null = null): Principal {
  return { username: 'u', role, unitId, departmentCode: role === 'department' ? 'transport' : null };
}

describe('unit scope', () => {
  it('walks parents to decide containment', () => {
    expect(isWithin(graph, 'v-1', 'd-1')).toBe(true);
    expect(isWithin(graph, 'v-2', 'd-1')).toBe(false);
    expect(isWithin(graph, 'd-1', 'd-1')).toBe(true);
    expect(isWithin(graph, 'missing', 'd-1')).toBe(false);
  });

  it('lets a district read and write its subtree only', () => {
    const district = user('district', 'd-1');
    for (const id of ['d-1', 'c-1', 'v-1']) expect(canReadUnit(district, graph, id)).toBe(true);
    for (const id of ['d-2', 'c-2', 'v-2', 'p-1', 'n-1'])
      expect(canReadUnit(district, graph, id)).toBe(false);
    expect(canWriteUnit(district, graph, 'v-1')).toBe(true);
    expect(canWriteUnit(district, graph, 'c-2')).toBe(false);
  });

  it('lets a district verify below itself but not its own entries', () => {
    const district = user('district', 'd-1');
    expect(canVerifyUnit(district, graph, 'c-1')).toBe(true);
    expect(canVerifyUnit(district, graph, 'd-1')).toBe(false);
    expect(canVerifyUnit(district, graph, 'c-2')).toBe(false);
    expect(canVerifyUnit(user('commune', 'c-1'), graph, 'v-1')).toBe(false);
  });

  it('lets a merged commune read its predecessors but write only itself', () => {
    const commune = user('commune', 'n-1');
    expect(readRoots(commune, graph).sort()).toEqual(['c-1', 'c-2', 'n-1']);
    expect(canReadUnit(commune, graph, 'v-2')).toBe(true);
    expect(canWriteUnit(commune, graph, 'v-2')).toBe(false);
    expect(canWriteUnit(commune, graph, 'n-1')).toBe(true);
  });

  it('shows ancestors for navigation without granting reads', () => {
    const commune = user('commune', 'c-1');
    expect(canNavigateUnit(commune, graph, 'p-1')).toBe(true);
    expect(canNavigateUnit(commune, graph, 'd-1')).toBe(true);
    expect(canReadUnit(commune, graph, 'd-1')).toBe(false);
    expect(canNavigateUnit(commune, graph, 'd-2')).toBe(false);
    expect(canNavigateUnit(commune, graph, 'c-2')).toBe(false);
  });

  it('gives the province roles every unit and the leader no writes', () => {
    for (const role of ['province_admin', 'leader', 'department'] as const) {
      expect(canReadUnit(user(role), graph, 'v-2')).toBe(true);
      expect(canReadUnit(user(role), graph, 'missing')).toBe(false);
    }
    expect(canWriteUnit(user('leader'), graph, 'c-1')).toBe(false);
    expect(canWriteUnit(user('department'), graph, 'c-1')).toBe(true);
    expect(canVerifyUnit(user('leader'), graph, 'c-1')).toBe(false);
  });
});
