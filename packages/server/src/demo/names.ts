import type { Random } from './random';

/**
 * Fictional names that sound Vietnamese. They may coincide with real places, which is why
 * every demo unit also carries `isDemo` and the province says "(dữ liệu demo)".
 */

const lowlandFirst = [
  'Đồng',
  'Tân',
  'Phú',
  'Hòa',
  'An',
  'Yên',
  'Thanh',
  'Xuân',
  'Quảng',
  'Vĩnh',
  'Minh',
  'Thịnh',
];
const lowlandSecond = [
  'Hòa',
  'Lộc',
  'Phong',
  'Thành',
  'Tiến',
  'Lợi',
  'Thủy',
  'Lâm',
  'Bình',
  'Hưng',
  'Trung',
  'Đức',
];
const coastalFirst = ['Hải', 'Ngư', 'Cửa', 'Bãi', 'Triều', 'Sa'];
const upland = ['Mường', 'Nà', 'Pù', 'Huổi', 'Co', 'Tà', 'Sốp', 'Pa', 'Keo', 'Phìn', 'Nậm', 'Lũng'];
const uplandSecond = [
  'Lầu',
  'Khoa',
  'Nhi',
  'Cài',
  'Mới',
  'Lượng',
  'Chạ',
  'Sáng',
  'Khôm',
  'Pục',
  'Lìu',
  'Thín',
];
const directions = [
  'Đông',
  'Tây',
  'Nam',
  'Bắc',
  'Trung',
  'Thượng',
  'Hạ',
  'Tiền',
  'Hậu',
  'Nội',
  'Ngoại',
  'Mới',
];
const hamletSecond = ['Chài', 'Bãi', 'Giữa', 'Rạng', 'Cồn', 'Đầm', 'Lạch', 'Vạn'];

export type NameStyle = 'lowland' | 'coastal' | 'upland';

/** Draws names that are unique within one pool (one province, or one commune's villages). */
export class NamePool {
  private readonly used = new Set<string>();

  constructor(private readonly random: Random) {}

  /** A two-syllable place name in the given style, never handed out twice by this pool. */
  place(style: NameStyle): string {
    const [first, second] =
      style === 'upland'
        ? [upland, uplandSecond]
        : style === 'coastal'
          ? [coastalFirst, lowlandSecond]
          : [lowlandFirst, lowlandSecond];
    for (let attempt = 0; attempt < 500; attempt++) {
      const name = `${this.random.pick(first)} ${this.random.pick(second)}`;
      const [a, b] = name.split(' ');
      if (a !== b && this.take(name)) return name;
    }
    throw new Error(`Hết tên kiểu ${style} chưa dùng`);
  }

  /** Claims a given name; false when it is already taken. */
  take(name: string): boolean {
    if (this.used.has(name)) return false;
    this.used.add(name);
    return true;
  }
}

const villageWords: Record<NameStyle, readonly string[]> = {
  lowland: [...directions, ...lowlandSecond],
  coastal: [...hamletSecond, ...directions],
  upland: upland.flatMap((a) => uplandSecond.map((b) => `${a} ${b}`)),
};

/** Names for the villages of one commune, without repeats ("Đông", "Nà Lầu" ...). */
export function villageNames(random: Random, style: NameStyle, count: number): string[] {
  const words = villageWords[style];
  if (count > words.length) throw new Error(`Không đủ tên thôn kiểu ${style} cho ${count} thôn`);
  return random.shuffle(words).slice(0, count);
}
