import { View, Text } from '@tarojs/components'
import type { Balance } from '@shared/disclosure/schema'
import { formatFen, totalsLabels, type Totals } from '@shared/disclosure/rules'
import './TotalsCard.css'

function Row({ label, fen, strong }: { label: string; fen: number; strong?: boolean }) {
  return (
    <View className={`totals-row${strong ? ' totals-strong' : ''}`}>
      <Text className="totals-label">{label}</Text>
      <Text className="totals-amount">{formatFen(fen)}</Text>
    </View>
  )
}

/**
 * The period's income, spending and their difference, always computed from the
 * line items, named for what they are (a month's difference is not the
 * account's balance). The balance is shown only as the committee entered it
 * from the books, checked against the items on the server.
 */
export function TotalsCard({ totals, period, balance, className }: { totals: Totals; period: string | null; balance?: Balance | null; className: string }) {
  const labels = totalsLabels(period)
  return (
    <View className={`card totals-card ${className}`}>
      {balance ? <Row label="期初余额" fen={balance.openingFen} /> : null}
      <Row label={labels.income} fen={totals.incomeFen} />
      <Row label={labels.spending} fen={totals.spendingFen} />
      <Row label={labels.difference} fen={totals.balanceFen} strong={!balance} />
      {balance ? <Row label="期末余额" fen={balance.closingFen} strong /> : null}
      <Text className="muted totals-note">{balance ? '收入、支出由每一笔自动算出；期初、期末余额由村里按账簿填写，已核对：期初加收入减支出等于期末' : '合计由每一笔自动算出'}</Text>
    </View>
  )
}
