import { Text } from '@tarojs/components'
import { Toast } from '@nutui/nutui-react-taro'
import { PageShell } from '../../../components/PageShell'
import { DutiesSetting, ReplyDaysSetting, RuleSetting, SafeguardSetting } from '../../../components/TownshipSettings'
import { CaseReminders } from './CaseReminders'

const TOAST = 'settings-toast'

/** 乡镇设置: every setting of the township in one place, each with its change history. */
export default function TownshipSettings() {
  return (
    <PageShell title="乡镇设置" subtitle="评议规则和保障、意见答复期限、公开时限。每次修改都留有记录，谁改的、什么时候改的。">
      <Text className="section-title">案件提醒</Text>
      <CaseReminders />
      <Text className="section-title">评议规则</Text>
      <RuleSetting toast={TOAST} />
      <Text className="section-title">评议保障</Text>
      <SafeguardSetting toast={TOAST} />
      <Text className="section-title">意见答复期限</Text>
      <ReplyDaysSetting toast={TOAST} />
      <Text className="section-title">公开时限</Text>
      <DutiesSetting toast={TOAST} />
      <Toast id={TOAST} />
    </PageShell>
  )
}
