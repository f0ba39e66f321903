import { describe, expect, it } from 'vitest';
import { createRandom } from './random';

describe('createRandom', () => {
  it('repeats the same sequence for the same stream and seed', () => {
    const draw = () => Array.from({ length: 5 }, createRandom('a', 7).next);
    expect(draw()).toEqual(draw());
  });

  it('gives different streams different sequences', () => {
    expect(createRandom('a').next()).not.toBe(createRandom('b').next());
  });

  it('keeps int within its bounds and shuffle a permutation', () => {
    const random = createRandom('bounds');
    const ints = Array.from({ length: 200 }, () => random.int(3, 5));
    expect(new Set(ints)).toEqual(new Set([3, 4, 5]));
    expect(random.shuffle([1, 2, 3, 4]).sort()).toEqual([1, 2, 3, 4]);
  });
});
