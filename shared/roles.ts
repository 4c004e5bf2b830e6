/**
 * Who a signed-in caller is to the product. `guest` is a WeChat user who has
 * not (yet) been approved into a village group: they may only ask to join.
 */
export const roles = ['villager', 'chair', 'committee', 'township'] as const
export type Role = (typeof roles)[number]
export type CallerRole = Role | 'guest'

export const roleLabels: Record<CallerRole, string> = {
  villager: '村民',
  chair: '村务监督委员会主任',
  committee: '村“两委”成员',
  township: '乡镇纪委',
  guest: '访客',
}
