import type { Tag } from '../labels'
import type { MeetingItemKind, MeetingStatus, PanelRole, VoteWay } from './rules'

/** The meeting's usual name in the source practice; the chair may call it 阳光报告会 instead. */
export const DEFAULT_MEETING_TITLE = '村情发布会'

export const meetingStatusTags: Record<MeetingStatus, Tag> = {
  scheduled: { label: '待召开', type: 'warning' },
  held: { label: '已召开', type: 'success' },
  cancelled: { label: '已取消', type: 'default' },
}

export const meetingItemKindLabels: Record<MeetingItemKind, string> = { disclosure: '公开', decision: '决策事项', text: '其他事项' }

export const panelRoleLabels: Record<PanelRole, string> = {
  chair: '监委会主任',
  partyRep: '党代表',
  deputy: '人大代表',
  cppcc: '政协委员',
  villageRep: '村民代表',
  other: '其他',
}

export const voteWayLabels: Record<VoteWay, string> = { phone: '用手机投票', paper: '投纸质票' }
