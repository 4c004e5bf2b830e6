import type { CallerRole } from './roles'

/*
 * The home page's entries for each role. Plain data with no Taro imports, so
 * the local host can draw the same first screen as HTML (host/first-screen.ts).
 */

export interface Entry {
  title: string
  description: string
  url: string
  /** A red count beside the entry, e.g. unread announcements. */
  badge?: number
}

const disclosureEntry: Entry = {
  title: '三务公开',
  description: '党务、村务、财务公开，每一笔收支都查得到',
  url: '/packages/disclosure/home/index',
}

const dutiesEntry: Entry = {
  title: '公开时限',
  description: '每月、每季度该公开的，和村民点题要公开的，有没有按时公开',
  url: '/packages/disclosure/duties/index',
}

const powerEntries: Entry[] = [
  { title: '权力清单', description: '村里能办什么、怎么办，每项都有流程图', url: '/packages/power/list/index' },
  { title: '责任清单和负面清单', description: '村干部该做的事，和不能做的事', url: '/packages/power/lists/index' },
  { title: '清单变更记录', description: '清单什么时候改过、谁改的、为什么', url: '/packages/power/history/index' },
]

const feedbackInbox = (description: string): Entry => ({ title: '村民意见', description, url: '/packages/feedback/inbox/index' })

const roundsEntry = (title: string, description: string, badge?: number): Entry => ({
  title,
  description,
  url: '/packages/evaluation/list/index',
  badge,
})

/** A titled group of entries; the chair's many entries are grouped so the daily ones come first. */
export interface EntryGroup {
  title: string | null
  entries: Entry[]
}

/**
 * The role's entries in groups, with `badges` (entry url → count, from the 待办 counts) shown on
 * the matching entries. Roles with few entries have one untitled group.
 */
export function entryGroupsFor(role: CallerRole, unread: number | null, toVote: number | null, badges: Record<string, number> = {}): EntryGroup[] {
  const withBadges = (entries: Entry[]) => entries.map((e) => (badges[e.url] ? { ...e, badge: badges[e.url] } : e))
  if (role === 'chair') {
    return [
      {
        title: '日常办理',
        entries: withBadges([
          { title: '入群审核', description: '审核村民加入本村监督群的申请', url: '/packages/chair/pending/index' },
          feedbackInbox('村民提的意见和建议：分派给村“两委”成员答复，或列入会议议题'),
          { title: '点题收集', description: '村民想让村里公开的事：转交村“两委”限期公开，或说明不转交的原因', url: '/packages/topic/inbox/index' },
          { title: '发布公告', description: '给全村监督群发通知，看各户读了没有', url: '/packages/chair/announce/index' },
          { title: '发起评议', description: '对一条公开或一项决策发起评议，每户投一票', url: '/packages/evaluation/open/index' },
          roundsEntry('评议结果', '进行中的评议、投票人数，结束的评议结果'),
          { title: '村情发布会', description: '安排村情发布会，会后记录到会和问答', url: '/packages/meeting/list/index' },
        ]),
      },
      {
        title: '公开和监督情况',
        entries: withBadges([
          disclosureEntry,
          { title: '本村监督情况', description: '公开是否按时、公告几户看了、意见办结率', url: '/packages/chair/figures/index' },
          dutiesEntry,
          { title: '花名册和入群情况', description: '全村各户是否已入群、谁是户代表', url: '/packages/chair/roster/index' },
          { title: '本村公开二维码', description: '打印贴在公开栏，扫码就能看本村公开', url: '/packages/chair/qrcode/index' },
          { title: '本村监督群', description: '把本村的微信群和小程序连起来，看哪些户在群里', url: '/packages/chair/group/index' },
        ]),
      },
      { title: '清单', entries: powerEntries },
    ]
  }
  return [{ title: null, entries: withBadges(entriesFor(role, unread, toVote)) }]
}

export function entriesFor(role: CallerRole, unread: number | null, toVote: number | null): Entry[] {
  switch (role) {
    case 'chair':
      return entryGroupsFor(role, unread, toVote).flatMap((g) => g.entries)
    case 'committee':
      return [
        { title: '发布公开', description: '发布党务、村务、财务公开，或更正已发布的公开', url: '/packages/committee/publish/index' },
        feedbackInbox('分给您答复的村民意见'),
        roundsEntry('评议与答复', '不满意超过比例的评议要答复释疑；整改情况在这里报告'),
        { title: '村情发布会', description: '会议的时间、地点和发布事项，开过的会的问答记录', url: '/packages/meeting/list/index' },
        disclosureEntry,
        { title: '四议两公开', description: '记录重大事项的提议、商议、审议、决议和公开', url: '/packages/disclosure/decisions/index' },
        dutiesEntry,
        { title: '维护本村权力清单', description: '从区、镇清单中选定本村事项，变更留痕备案', url: '/packages/committee/catalog/index' },
        ...powerEntries,
      ]
    case 'township':
      return [
        { title: '评议升级案件', description: '连续评议不满意超标的事项：调查、整改、再评议', url: '/packages/township/cases/index' },
        { title: '举报受理', description: '村民向镇纪委的举报：受理、调查、办结', url: '/packages/township/reports/index' },
        { title: '村干部廉政档案', description: '每位村干部查实的问题、整改和评议情况，可添加记录、导出', url: '/packages/township/integrity/index' },
        { title: '意见督办', description: '超过答复期限的村民意见，提醒村里答复', url: '/packages/township/overdue/index' },
        { title: '各村意见办理情况', description: '收到、答复、办结多少，办结率和答复用时', url: '/packages/township/feedback/index' },
        { title: '各村点题公开情况', description: '村民点了哪些题、转交多少、是否按时公开', url: '/packages/township/topics/index' },
        { title: '各村评议情况', description: '评议轮数、参与率、满意率、超标次数', url: '/packages/township/evaluation/index' },
        { title: '各村监督群覆盖情况', description: '各村入群户数、公开是否按时', url: '/packages/township/villages/index' },
        { title: '村和花名册', description: '新建村、查看村加入码、导入各村户籍花名册', url: '/packages/township/setup/index' },
        { title: '镇特色清单', description: '本镇自己的权力事项：新增、编辑、移除，每次修改都有记录', url: '/packages/township/featured/index' },
        { title: '职务任命', description: '任命村务监督委员会主任、村“两委”成员和镇纪委干部', url: '/packages/township/appointments/index' },
        { title: '乡镇设置', description: '评议规则、意见答复期限、公开时限，和每次修改的记录', url: '/packages/township/settings/index' },
        { title: '操作记录', description: '谁在什么时候做了什么，不能修改', url: '/packages/township/audit/index' },
        { title: '安全记录', description: '谁输错了任命码、加入码或查询码，哪些被暂停再试', url: '/packages/township/security/index' },
      ]
    case 'villager':
      return [
        roundsEntry('评议投票', toVote ? `有 ${toVote} 轮评议等您投票` : '对村里的公开和决策投满意、基本满意或不满意', toVote ?? 0),
        disclosureEntry,
        {
          title: '村务公告',
          description: unread ? `有 ${unread} 条新公告还没看` : '村务监督委员会发布的通知',
          url: '/packages/announcement/list/index',
          badge: unread ?? 0,
        },
        { title: '村情发布会', description: '什么时候开会、发布什么；开过的会的问答记录', url: '/packages/meeting/list/index' },
        { title: '我要提意见', description: '对村务有意见、建议，写给村务监督委员会', url: '/packages/feedback/submit/index' },
        { title: '我提的意见', description: '看村里的答复，确认解决或重新反映', url: '/packages/feedback/mine/index' },
        { title: '我要点题', description: '想让村里公开什么，写下来交给村务监督委员会；看办理情况', url: '/packages/topic/ask/index' },
        ...powerEntries,
        { title: '向镇纪委举报', description: '村干部违纪违规，直接向镇纪委举报，村里看不到', url: '/packages/report/file/index' },
        { title: '查询举报进展', description: '用查询码查看举报的办理情况', url: '/packages/report/track/index' },
        { title: '我的信息', description: '本程序保存了您哪些信息；退出监督群', url: '/packages/privacy/mine/index' },
      ]
    default:
      return []
  }
}
