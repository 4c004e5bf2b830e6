import { useState, type ReactNode } from 'react'
import { View, Text } from '@tarojs/components'
import { Button, Toast } from '@nutui/nutui-react-taro'
import { ApiError } from '../services/api'
import { ErrorCard } from './ErrorCard'
import { messageOf } from './PageShell'
import { formatDayTime } from './format'

export interface SettingChange {
  setAt: string
  setBy: string
  /** the value it was set to, in plain words */
  text: string
}

/** Changes shown before the rest are asked for: the newest few say what matters without pushing the fields away. */
const FIRST_SHOWN = 3

/** Who changed the setting to what and when, newest first. */
function ChangeHistory({ history }: { history: SettingChange[] }) {
  const [all, setAll] = useState(false)
  const shown = all ? history : history.slice(0, FIRST_SHOWN)
  return (
    <View className="setting-history">
      <Text className="setting-history-title">修改记录（最近的在前）</Text>
      {shown.map((c, i) => (
        <Text key={`${c.setAt}-${i}`} className="setting-history-entry">
          {formatDayTime(c.setAt)}　{c.setBy}：{c.text}
        </Text>
      ))}
      {shown.length < history.length ? (
        <Button block size="large" fill="outline" className="setting-history-more" onClick={() => setAll(true)}>
          显示全部{history.length}次修改
        </Button>
      ) : null}
    </View>
  )
}

interface Props {
  /** the setting as it stands, or null while it loads */
  current: ReactNode | null
  loadError: unknown
  /** every change kept, newest first: when, who (title and name) and what it was set to */
  history: SettingChange[]
  /** shown instead of the history while the setting was never changed */
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

/** A township setting: what it is now, every change with who and when, the fields to change it, and when a change applies. */
export function SettingCard({ current, loadError, history, defaultText, note, saveText, toast, onSave, children }: Props) {
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
          {history.length > 0 ? <ChangeHistory history={history} /> : <Text className="muted">{defaultText}</Text>}
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
