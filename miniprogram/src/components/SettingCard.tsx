import { useState, type ReactNode } from 'react'
import { View, Text } from '@tarojs/components'
import { Button, Toast } from '@nutui/nutui-react-taro'
import { ApiError } from '../services/api'
import { ErrorCard } from './ErrorCard'
import { messageOf } from './PageShell'
import { formatDayTime } from './format'

interface Props {
  /** the setting as it stands, or null while it loads */
  current: ReactNode | null
  loadError: unknown
  /** who set it and when; null while it is the default */
  setBy: { setAt: string | null; setBy: string | null; custom: boolean } | null
  defaultText: string
  /** when a change takes effect, in plain words */
  note: string
  saveText: string
  toast: string
  /** Saves; resolves to the message to show, or rejects with an ApiError whose message is shown. */
  onSave: () => Promise<string>
  /** the fields to change it */
  children: ReactNode
}

/** A township setting: what it is now, who set it and when, the fields to change it, and when the change applies. */
export function SettingCard({ current, loadError, setBy, defaultText, note, saveText, toast, onSave, children }: Props) {
  const [saving, setSaving] = useState(false)
  const [failure, setFailure] = useState('')
  const save = async () => {
    setSaving(true)
    setFailure('')
    try {
      Toast.show(toast, { icon: 'success', content: await onSave() })
    } catch (e) {
      setFailure(messageOf(e))
    } finally {
      setSaving(false)
    }
  }
  return (
    <View className="card setting-card">
      {loadError ? (
        <ErrorCard error={loadError} />
      ) : current === null ? (
        <Text className="muted">正在加载…</Text>
      ) : (
        <>
          <Text className="setting-current">{current}</Text>
          <Text className="muted">{setBy?.custom && setBy.setAt ? `${setBy.setBy ?? ''}于${formatDayTime(setBy.setAt)}设置` : defaultText}</Text>
        </>
      )}
      {children}
      <Text className="muted setting-note">{note}</Text>
      <ErrorCard error={failure} />
      <Button block size="large" type="primary" className="setting-save" loading={saving} onClick={() => void save()}>
        {saveText}
      </Button>
    </View>
  )
}

/** A field left empty would reach the server as 0 and read oddly; asking plainly is clearer. */
export const missing = (message: string) => new ApiError('INVALID_INPUT', message)
