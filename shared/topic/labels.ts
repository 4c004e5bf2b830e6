import type { Tag } from '../labels'
import type { TopicStatus } from './rules'

/** A request's status as the villager and the chair read it. */
export const topicStatusTags: Record<TopicStatus, Tag> = {
  asked: { label: '等待主任处理', type: 'warning' },
  forwarded: { label: '已转交两委', type: 'info' },
  declined: { label: '不予转交', type: 'default' },
  disclosed: { label: '已公开', type: 'success' },
}

/** What the committees see in place of the requester: the name stays with the chair (docs/api.md, topic). */
export const REQUESTER_FOR_COMMITTEE = '村民'
