import type { ItemDecision, RegistrationItem, TaskStatus, Tier, Unit } from '@ntm/core';
import type { DemoProvince } from './province';
import type { Stories } from './stories';
import type { DemoDirective } from './types';

/** The demo district whose account (huyen.songxanh) has not registered yet: its task is overdue. */
export const DEMO_UNREGISTERED_DISTRICT_CODE = '99003';

export interface DemoRegistrationItem extends RegistrationItem {
  decision: ItemDecision | null;
  reason: string | null;
  approvedTier: Tier | null;
  approvedMonth: number | null;
}

export interface DemoRegistrationVersion {
  version: number;
  status: 'submitted' | 'approved';
  submittedAt: string;
  reviewedAt: string | null;
  items: DemoRegistrationItem[];
}

export interface DemoRegistration {
  id: string;
  year: number;
  unitId: string;
  versions: DemoRegistrationVersion[];
}

export interface DemoTask {
  id: string;
  directiveId: string;
  number: string;
  content: string;
  assigneeDepartment: string | null;
  assigneeUnitId: string | null;
  deadline: string;
  status: TaskStatus;
  completedOn: string | null;
  reports: {
    id: string;
    reportedOn: string;
    content: string;
    progressPercent: number | null;
    statusAfter: TaskStatus;
  }[];
}

const accepted = (item: RegistrationItem): DemoRegistrationItem => ({
  ...item,
  decision: 'accepted',
  reason: null,
  approvedTier: item.tier,
  approvedMonth: item.expectedMonth,
});

/**
 * What each district registered for 2021 after the directive, and what the province decided:
 * the communes and villages their stories bring to a tier in 2021 (and the near misses, some still
 * in dossier), plus a weak commune the province turned down. Dates are the demo's own.
 */
export function buildDemoRegistrations(old: DemoProvince, stories: Stories): DemoRegistration[] {
  const districtOf = new Map<string, string>();
  for (const c of old.communes) {
    districtOf.set(c.unit.id, c.unit.parentId ?? '');
    for (const v of c.villages) districtOf.set(v.id, c.unit.parentId ?? '');
  }
  const registrations: DemoRegistration[] = [];
  const districts = [...old.districts].sort((a, b) => a.code.localeCompare(b.code));
  const pending = districts.filter((d) => d.code !== DEMO_UNREGISTERED_DISTRICT_CODE).at(-1);
  districts.forEach((district: Unit, index) => {
    if (district.code === DEMO_UNREGISTERED_DISTRICT_CODE) return;
    const inDistrict =
      <T>(unitOf: (x: T) => Unit) =>
      (x: T) =>
        districtOf.get(unitOf(x).id) === district.id;
    const communes = stories.communes.filter(inDistrict((s) => s.commune.unit));
    const villages = stories.villages.filter(inDistrict((s) => s.village));
    const items: DemoRegistrationItem[] = [
      ...communes
        .filter((s) => s.standardYear === 2021 || s.outlook === 'near_miss')
        .slice(0, 4)
        .map((s) => accepted({ unitId: s.commune.unit.id, tier: 'standard', expectedMonth: 9, note: null })),
      ...communes
        .filter((s) => s.advancedYear === 2021)
        .map((s) => accepted({ unitId: s.commune.unit.id, tier: 'advanced', expectedMonth: 10, note: null })),
      ...communes
        .filter((s) => s.modelYear === 2021)
        .map((s) => accepted({ unitId: s.commune.unit.id, tier: 'model', expectedMonth: 11, note: null })),
      ...villages
        .filter((s) => s.residentialAreaYear === 2021)
        .map((s) =>
          accepted({ unitId: s.village.id, tier: 'model_residential_area', expectedMonth: 11, note: null }),
        ),
      ...villages
        .filter((s) => s.role === 'scheme' && s.villageStandardYear === 2021)
        .map((s) =>
          accepted({ unitId: s.village.id, tier: 'village_standard', expectedMonth: 8, note: null }),
        ),
    ];
    const lateVillage = villages.find((s) => s.role === 'scheme' && s.villageStandardYear === null);
    if (lateVillage) {
      items.push({
        unitId: lateVillage.village.id,
        tier: 'village_standard',
        expectedMonth: 8,
        note: null,
        decision: 'adjusted',
        reason: 'Thôn còn thiếu tiêu chí về thu nhập; lùi thời điểm dự kiến đến tháng 12 (dữ liệu demo).',
        approvedTier: 'village_standard',
        approvedMonth: 12,
      });
    }
    const weak = communes
      .filter((s) => s.outlook === 'band' && s.standardYear === null)
      .sort((a, b) => b.unmet[2021].length - a.unmet[2021].length)[0];
    if (weak) {
      items.push({
        unitId: weak.commune.unit.id,
        tier: 'standard',
        expectedMonth: 12,
        note: null,
        decision: 'rejected',
        reason: `Xã còn thiếu ${weak.unmet[2021].length} tiêu chí, không thể đạt chuẩn trong năm 2021 (dữ liệu demo).`,
        approvedTier: null,
        approvedMonth: null,
      });
    }
    if (items.length === 0) return;
    const day = String(5 + index).padStart(2, '0');
    const id = `demo:registration:2021:${district.code}`;
    if (district === pending) {
      registrations.push({
        id,
        year: 2021,
        unitId: district.id,
        versions: [
          {
            version: 1,
            status: 'submitted',
            submittedAt: `2021-04-${day}T02:00:00.000Z`,
            reviewedAt: null,
            items: items.map((i) => ({
              ...i,
              decision: null,
              reason: null,
              approvedTier: null,
              approvedMonth: null,
            })),
          },
        ],
      });
      return;
    }
    const versions: DemoRegistrationVersion[] = [];
    // The first district revised its registration mid-year: version 2 adds its last proposal back.
    const first = registrations.length === 0 && items.length >= 2;
    if (first) {
      const earlier = items.slice(0, -1);
      versions.push({
        version: 1,
        status: 'approved',
        submittedAt: `2021-04-${day}T02:00:00.000Z`,
        reviewedAt: '2021-05-10T03:00:00.000Z',
        items: earlier,
      });
    }
    versions.push({
      version: versions.length + 1,
      status: 'approved',
      submittedAt: first ? '2021-07-01T02:00:00.000Z' : `2021-04-${day}T02:00:00.000Z`,
      reviewedAt: first ? '2021-07-15T03:00:00.000Z' : '2021-05-10T03:00:00.000Z',
      items,
    });
    registrations.push({ id, year: 2021, unitId: district.id, versions });
  });
  return registrations;
}

/** The tasks of Chỉ thị 06/CT-UBND (PRODUCT §1), with the progress the demo departments reported. */
export function buildDemoTasks(
  directive: DemoDirective,
  old: DemoProvince,
  registrations: readonly DemoRegistration[],
): DemoTask[] {
  const task = (
    number: string,
    content: string,
    assignee: { department: string } | { unitId: string },
    deadline: string,
    status: TaskStatus,
    reports: DemoTask['reports'] = [],
  ): DemoTask => ({
    id: `demo:task:2021-06:${number}`,
    directiveId: directive.id,
    number,
    content,
    assigneeDepartment: 'department' in assignee ? assignee.department : null,
    assigneeUnitId: 'unitId' in assignee ? assignee.unitId : null,
    deadline,
    status,
    completedOn: status === 'done' ? (reports.at(-1)?.reportedOn ?? deadline) : null,
    reports,
  });
  const report = (
    number: string,
    n: number,
    reportedOn: string,
    content: string,
    percent: number,
    statusAfter: TaskStatus,
  ) => ({
    id: `demo:task-report:2021-06:${number}:${n}`,
    reportedOn,
    content: `${content} (dữ liệu demo)`,
    progressPercent: percent,
    statusAfter,
  });
  const registered = new Map(
    registrations.map((r) => [r.unitId, r.versions[0]?.submittedAt.slice(0, 10) ?? null]),
  );
  const districts = [...old.districts].sort((a, b) => a.code.localeCompare(b.code));
  return [
    task(
      '1',
      'Hướng dẫn các địa phương rà soát, đăng ký mục tiêu nâng cao chất lượng các tiêu chí; xây dựng Kế hoạch thực hiện Chương trình MTQG xây dựng nông thôn mới năm 2021 của tỉnh, trình UBND tỉnh.',
      { department: 'agriculture' },
      '2021-03-31',
      'done',
      [
        report(
          '1',
          1,
          '2021-03-22',
          'Đã ban hành văn bản hướng dẫn các huyện rà soát, đăng ký mục tiêu',
          50,
          'in_progress',
        ),
        report('1', 2, '2021-03-30', 'Đã trình UBND tỉnh dự thảo Kế hoạch năm 2021', 100, 'done'),
      ],
    ),
    ...districts.map((d, i) => {
      const on = registered.get(d.id) ?? null;
      const number = `2.${i + 1}`;
      return task(
        number,
        `${d.name}: rà soát, đăng ký các xã, thôn phấn đấu đạt chuẩn NTM, NTM nâng cao, NTM kiểu mẫu năm 2021; chịu trách nhiệm toàn diện về mục tiêu trên địa bàn.`,
        { unitId: d.id },
        '2021-04-15',
        on ? 'done' : 'open',
        on
          ? [
              report(
                number,
                1,
                on,
                'Đã gửi bản đăng ký mục tiêu năm 2021 về Văn phòng Điều phối',
                100,
                'done',
              ),
            ]
          : [],
      );
    }),
    task(
      '3',
      'Theo dõi, hướng dẫn các xã hoàn thành tiêu chí số 2 (Giao thông); báo cáo kết quả 6 tháng đầu năm.',
      { department: 'transport' },
      '2021-06-30',
      'in_progress',
      [
        report(
          '3',
          1,
          '2021-06-20',
          'Đã kiểm tra 12 xã; 5 xã còn thiếu đường trục thôn cứng hóa',
          60,
          'in_progress',
        ),
      ],
    ),
    task(
      '4',
      'Hướng dẫn các xã giảm tỷ lệ hộ nghèo đa chiều, hoàn thành tiêu chí số 11 (Hộ nghèo).',
      { department: 'labour' },
      '2021-09-30',
      'in_progress',
      [report('4', 1, '2021-07-05', 'Đã rà soát hộ nghèo tại các xã đăng ký đạt chuẩn', 40, 'in_progress')],
    ),
    task(
      '5',
      'Hướng dẫn các xã hoàn thành tiêu chí số 6 (Cơ sở vật chất văn hóa) và số 16 (Văn hóa).',
      { department: 'culture' },
      '2021-10-31',
      'done',
      [report('5', 1, '2021-10-25', 'Các xã đăng ký năm 2021 đều đạt tiêu chí văn hóa', 100, 'done')],
    ),
    task(
      '6',
      'Tổng hợp kết quả thực hiện Chỉ thị, báo cáo UBND tỉnh trước ngày 15/12/2021.',
      { department: 'agriculture' },
      '2021-12-15',
      'done',
      [report('6', 1, '2021-12-14', 'Đã báo cáo kết quả năm 2021', 100, 'done')],
    ),
  ];
}
