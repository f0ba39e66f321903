import type { DemoDirective, DemoTarget, TargetMetric } from './types';

/**
 * The province's 2021 directive and its targets (PRODUCT §1). The number and date are the
 * demo's own, not a real provincial document.
 */
export function buildDirective(): DemoDirective {
  return {
    id: 'demo:directive:2021-06',
    number: '06/CT-UBND',
    date: '2021-03-12',
    issuer: 'Ủy ban nhân dân Tỉnh Demo',
    title:
      'Chỉ thị về đẩy mạnh thực hiện Chương trình mục tiêu quốc gia xây dựng nông thôn mới năm 2021 (dữ liệu demo)',
    summary:
      'Năm 2021 phấn đấu thêm 8 xã đạt chuẩn nông thôn mới, 6 xã đạt chuẩn nông thôn mới nâng cao, 2 xã đạt chuẩn ' +
      'nông thôn mới kiểu mẫu, 4 khu dân cư nông thôn mới kiểu mẫu; 50% số thôn (29/52 thôn) thuộc 8 xã thực hiện ' +
      'Đề án 1385/QĐ-TTg đạt chuẩn nông thôn mới; bình quân 17,5 tiêu chí/xã. Các sở, ngành theo dõi, hướng dẫn ' +
      'tiêu chí được phân công; các huyện, thị xã, thành phố chịu trách nhiệm toàn diện về mục tiêu trên địa bàn. ' +
      '(Văn bản minh họa, dữ liệu demo.)',
    isDemo: true,
  };
}

const targets2021: readonly [TargetMetric, number, string][] = [
  ['communes_standard_new', 8, 'Thêm 8 xã đạt chuẩn NTM'],
  ['communes_advanced_new', 6, '6 xã đạt chuẩn NTM nâng cao'],
  ['communes_model_new', 2, '2 xã đạt chuẩn NTM kiểu mẫu'],
  ['model_residential_areas_new', 4, '4 khu dân cư NTM kiểu mẫu'],
  ['scheme_villages_standard', 29, '29/52 thôn thuộc 8 xã Đề án 1385 đạt chuẩn NTM (50%)'],
  ['average_criteria_per_commune', 17.5, 'Bình quân 17,5 tiêu chí/xã'],
];

export function buildTargets(directive: DemoDirective, provinceId: string): DemoTarget[] {
  return targets2021.map(([metric, value, label]) => ({
    id: `demo:target:2021:${metric}`,
    year: 2021,
    scopeUnitId: provinceId,
    metric,
    value,
    label,
    directiveId: directive.id,
    note: `Mục tiêu theo Chỉ thị ${directive.number} (dữ liệu demo)`,
  }));
}
