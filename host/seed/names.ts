/**
 * Invented Chinese names for the demo village: common northern surnames (a few
 * dominant, as in real villages) and given names typical of each generation.
 * Deterministic, so every fresh start shows the same village.
 */
const surnames = ['王', '王', '王', '李', '李', '张', '张', '刘', '刘', '赵', '陈', '杨', '孙', '周', '吴', '郭', '马', '高', '韩', '冯']
const elderGiven = ['建国', '国强', '桂兰', '秀英', '玉芬', '德胜', '振华', '淑珍', '长富', '凤英', '树林', '春生', '金山', '翠花', '永福', '秀芝', '广才', '玉兰', '宝山', '学文']
const youngerGiven = ['海峰', '晓燕', '建军', '丽娜', '志强', '红梅', '伟', '静', '磊', '婷婷', '俊杰', '雪梅', '浩', '亚楠', '鹏飞', '敏', '春雨', '晓东', '丹丹', '国庆']

/** mulberry32: a tiny seeded PRNG, good enough to vary demo data. */
export function prng(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

export function pick<T>(random: () => number, list: readonly T[]): T {
  return list[Math.floor(random() * list.length)]!
}

export function headOfHousehold(random: () => number): string {
  return pick(random, surnames) + pick(random, elderGiven)
}

/** A younger member sharing the head's surname (a son or daughter, often working away). */
export function relativeOf(random: () => number, head: string): string {
  return head[0] + pick(random, youngerGiven)
}
