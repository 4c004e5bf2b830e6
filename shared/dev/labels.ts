import type { DevPerson } from './schema'

/** How many demo people the sign-in page lists before asking for a name. */
export const LISTED = 40

/** The demo people of one role whose name contains the keyword, the biggest village (the main demo village) first. */
export function demoPeopleShown(all: readonly DevPerson[], role: DevPerson['role'], keyword: string): DevPerson[] {
  const size = new Map<string, number>()
  for (const p of all) size.set(p.placeName, (size.get(p.placeName) ?? 0) + 1)
  return all
    .filter((p) => p.role === role && (!keyword || p.name.includes(keyword.trim())))
    .sort((a, b) => (size.get(b.placeName) ?? 0) - (size.get(a.placeName) ?? 0))
    .slice(0, LISTED)
}

export function describeDemoPerson(p: DevPerson): string {
  if (p.role !== 'villager') return p.placeName
  return `${p.placeName} · ${p.isRepresentative ? '户代表（可投票）' : '家庭成员'}`
}
