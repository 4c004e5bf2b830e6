import { View, Text } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { go } from '../../../services/nav'

/** Where a setting moved: the township's settings are changed on 乡镇设置 only. */
export function SettingsLink({ text }: { text: string }) {
  return (
    <View className="card">
      <Text className="muted">{text}</Text>
      <Button block size="large" fill="outline" className="setting-save" onClick={() => go('/packages/township/settings/index')}>
        打开乡镇设置
      </Button>
    </View>
  )
}
