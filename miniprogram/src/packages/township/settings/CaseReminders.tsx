import { ReminderCard } from '../../../components/ReminderCard'

/**
 * Township staff: be told by WeChat when a village's evaluation escalates to a case. Without
 * this consent a subscribe message cannot reach them, so the case list says so.
 */
export function CaseReminders({ className, onlyWhenNotTold }: { className?: string; onlyWhenNotTold?: boolean }) {
  return (
    <ReminderCard
      topic="escalation"
      className={className}
      onlyWhenNotTold={onlyWhenNotTold}
      explain="有村的评议连续不满意超标、升级为案件时，微信会通知您。"
      button="开启案件提醒"
      notTold="还没有开启：有新案件时，微信不会通知您"
    />
  )
}
