import type { CSSProperties, ReactNode } from 'react'
import { View, Text } from '@tarojs/components'
import { Loading } from '@nutui/nutui-react-taro'
import { ApiError } from '../services/api'
import { formatDayTime } from './format'
import { textScale } from '../services/textScale'
import { PrivacyConsent } from './PrivacyConsent'
import { ReadAloud } from './ReadAloud'
import { GroupJoinOffer, useJoinOffer } from './GroupJoinOffer'

interface Props {
  title: string
  subtitle?: string
  /** While true a spinner shows instead of the children. */
  loading?: boolean
  /** A failed load: its message replaces the children. */
  error?: unknown
  /** When the content shown is the phone's saved copy: when it was saved. */
  offlineAt?: string | null
  /** The page's text to read aloud: the button then stays at the top, at hand while reading. */
  readAloud?: string
  children?: ReactNode
}

/** Every page's frame: a visible title (H5 has no navigation-bar title), loading and error states. */
export function PageShell({ title, subtitle, loading, error, offlineAt, readAloud, children }: Props) {
  // A visitor offered joining from a group card cannot read a member's page yet: the offer says why, not a refusal.
  const offered = useJoinOffer() !== null
  const refused = error instanceof ApiError && ['FORBIDDEN', 'NOT_FOUND', 'UNAUTHENTICATED'].includes(error.code)
  return (
    <>
      {/* In WeChat the page root carries the text scale; in the browser the document does (services/textScale). */}
      <View className="page" style={process.env.TARO_ENV === 'weapp' ? ({ '--text-scale': String(textScale()) } as CSSProperties) : undefined}>
        <Text className="page-title">{title}</Text>
        {subtitle ? <Text className="page-subtitle">{subtitle}</Text> : null}
        {readAloud && !loading && !error ? (
          <View className="read-aloud-bar">
            <ReadAloud text={readAloud} />
          </View>
        ) : null}
        <OfflineNote at={offlineAt} />
        <GroupJoinOffer />
        {error && offered && refused ? null : error ? (
          <View className="card error-text" role="alert">
            {messageOf(error)}
          </View>
        ) : loading ? (
          // page-loading: the shell's first screen stays up until no page is loading (index.html).
          <View className="card page-loading" style={{ textAlign: 'center' }}>
            <Loading>正在加载…</Loading>
          </View>
        ) : (
          children
        )}
      </View>
      <PrivacyConsent />
    </>
  )
}

/** Says the content is the phone's saved copy, and from when. */
export function OfflineNote({ at }: { at?: string | null }) {
  if (!at) return null
  return (
    <View className="offline-note" role="status">
      离线内容，更新于 {formatDayTime(at)}。网络恢复后会自动更新。
    </View>
  )
}

export function messageOf(error: unknown): string {
  return error instanceof ApiError ? error.message : '出了点问题，请稍后再试'
}
