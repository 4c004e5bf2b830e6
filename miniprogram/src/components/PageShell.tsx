import type { ReactNode } from 'react'
import { View, Text } from '@tarojs/components'
import { Loading } from '@nutui/nutui-react-taro'
import { ApiError } from '../services/api'

interface Props {
  title: string
  subtitle?: string
  /** While true a spinner shows instead of the children. */
  loading?: boolean
  /** A failed load: its message replaces the children. */
  error?: unknown
  children?: ReactNode
}

/** Every page's frame: a visible title (H5 has no navigation-bar title), loading and error states. */
export function PageShell({ title, subtitle, loading, error, children }: Props) {
  return (
    <View className="page">
      <Text className="page-title">{title}</Text>
      {subtitle ? <Text className="page-subtitle">{subtitle}</Text> : null}
      {error ? (
        <View className="card error-text" role="alert">
          {messageOf(error)}
        </View>
      ) : loading ? (
        <View className="card" style={{ textAlign: 'center' }}>
          <Loading>正在加载…</Loading>
        </View>
      ) : (
        children
      )}
    </View>
  )
}

export function messageOf(error: unknown): string {
  return error instanceof ApiError ? error.message : '出了点问题，请稍后再试'
}
