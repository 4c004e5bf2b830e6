// Times on screen are Beijing time whatever zone the phone is set to (shared/time.ts).
export { formatBeijingDay as formatDay, formatBeijingDayTime as formatDayTime } from '@shared/time'

export { formatPermille } from '@shared/member/rules'
