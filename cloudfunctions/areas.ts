import type { Area } from './core/dispatch'
import { memberArea } from './member/area'
import { powerArea } from './power/area'
import { disclosureArea } from './disclosure/area'
import { announcementArea } from './announcement/area'
import { feedbackArea } from './feedback/area'
import { reportArea } from './report/area'
import { evaluationArea } from './evaluation/area'
import { townshipArea } from './township/area'
import { groupArea } from './group/area'
import { meetingArea } from './meeting/area'
import { topicArea } from './topic/area'

/** Every deployable cloud function, by name; the local host serves each at /api/fn/<name>. */
export const areas: Record<string, Area> = {
  member: memberArea,
  power: powerArea,
  disclosure: disclosureArea,
  announcement: announcementArea,
  feedback: feedbackArea,
  report: reportArea,
  evaluation: evaluationArea,
  township: townshipArea,
  group: groupArea,
  meeting: meetingArea,
  topic: topicArea,
}
