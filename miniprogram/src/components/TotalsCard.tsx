import { View, Text } from '@tarojs/components'
import { formatFen, type Totals } from '@shared/domain/disclosure-rules'
import './TotalsCard.css'

/** Income, spending and balance, always computed from the line items; shown the same in the form and the disclosure. */
export function TotalsCard({ totals, className }: { totals: Totals; className: string }) {
  return (
    <View className={`card totals-card ${className}`}>
      <View className="totals-row">
        <Text>收入合计</Text>
        <Text className="totals-amount">{formatFen(totals.incomeFen)}</Text>
      </View>
      <View className="totals-row">
        <Text>支出合计</Text>
        <Text className="totals-amount">{formatFen(totals.spendingFen)}</Text>
      </View>
      <View className="totals-row totals-balance">
        <Text>结余</Text>
        <Text className="totals-amount">{formatFen(totals.balanceFen)}</Text>
      </View>
      <Text className="muted totals-note">合计由每一笔自动算出</Text>
    </View>
  )
}
