import { Toast } from '@nutui/nutui-react-taro'
import { PageShell } from '../../../components/PageShell'
import { DutiesSetting } from '../../../components/TownshipSettings'
import { SettingsLink } from '../settings/SettingsLink'

const TOAST = 'duties-toast'

/** 公开时限 alone (an older route, still linked from outside): the same card as on 乡镇设置. */
export default function DutySettings() {
  return (
    <PageShell title="公开时限设置" subtitle="每期结束后多少天内要公开。">
      <DutiesSetting toast={TOAST} />
      <SettingsLink text="评议规则、答复期限也在乡镇设置里" />
      <Toast id={TOAST} />
    </PageShell>
  )
}
