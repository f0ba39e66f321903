import { describe, expect, it } from 'vitest';
import {
  approvedItems,
  diffItems,
  duplicateItemProblems,
  type RegistrationItem,
  reviewItems,
} from './registration';

const item = (unitId: string, overrides: Partial<RegistrationItem> = {}): RegistrationItem => ({
  unitId,
  tier: 'standard',
  expectedMonth: 10,
  note: null,
  ...overrides,
});
const name = (id: string) => `Xã ${id}`;

describe('reviewItems', () => {
  const items = [item('a'), item('b'), item('c')];

  it('approves accepted and adjusted units, drops rejected ones', () => {
    const { items: reviewed, problems } = reviewItems(
      items,
      [
        { unitId: 'a', decision: 'accepted' },
        { unitId: 'b', decision: 'adjusted', reason: 'Hồ sơ cần thêm thời gian', expectedMonth: 12 },
        { unitId: 'c', decision: 'rejected', reason: 'Còn thiếu 4 tiêu chí' },
      ],
      name,
    );
    expect(problems).toEqual([]);
    expect(approvedItems(reviewed)).toEqual([item('a'), item('b', { expectedMonth: 12 })]);
  });

  it('needs a decision for every unit and a reason to adjust or reject, else applies nothing', () => {
    const { items: reviewed, problems } = reviewItems(
      items,
      [
        { unitId: 'a', decision: 'rejected', reason: '  ' },
        { unitId: 'b', decision: 'adjusted', reason: 'x' },
        { unitId: 'z', decision: 'accepted' },
      ],
      name,
    );
    expect(reviewed).toEqual([]);
    expect(problems).toEqual([
      'Xã z không có trong bản đăng ký đang duyệt.',
      'Cần ghi lý do khi không chấp thuận Xã a.',
      'Điều chỉnh Xã b phải thay đổi mức công nhận hoặc tháng dự kiến.',
      'Chưa có quyết định cho Xã c.',
    ]);
  });
});

describe('diffItems', () => {
  it('lists added, changed (with the fields) and removed units', () => {
    const changes = diffItems(
      [item('a'), item('b'), item('c')],
      [item('a'), item('b', { expectedMonth: 12 }), item('d')],
    );
    expect(changes.map((c) => [c.kind, c.unitId])).toEqual([
      ['changed', 'b'],
      ['added', 'd'],
      ['removed', 'c'],
    ]);
    expect(changes[0]?.kind === 'changed' && changes[0].fields).toEqual(['expectedMonth']);
  });
});

describe('duplicateItemProblems', () => {
  it('reports a unit registered twice', () => {
    expect(duplicateItemProblems([item('a'), item('a', { tier: 'advanced' })], name)).toEqual([
      'Xã a được đăng ký hai lần.',
    ]);
  });
});
