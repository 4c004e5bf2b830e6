import { useEffect, useState, type ReactNode } from 'react'
import { View, Text } from '@tarojs/components'
import { Dialog, TextArea } from '@nutui/nutui-react-taro'
import { messageOf } from './PageShell'

interface Props {
  visible: boolean
  title: string
  /** What is being decided, shown above the text box. */
  message?: ReactNode
  /** The field's name, e.g. 移出原因; used in the "please fill in" hint. */
  label: string
  placeholder: string
  required: boolean
  maxLength: number
  confirmText: string
  /** More fields under the text box, e.g. a due date; the caller keeps their state. */
  children?: ReactNode
  /**
   * Does the work. Resolve to close the dialog; reject (e.g. with an ApiError)
   * to keep it open with the message shown above the buttons.
   */
  onSubmit: (text: string) => Promise<void>
  onClose: () => void
}

/** A confirm dialog that asks for a short written reason or note. */
export function ReasonDialog({ visible, title, message, label, placeholder, required, maxLength, confirmText, children, onSubmit, onClose }: Props) {
  const [text, setText] = useState('')
  const [failure, setFailure] = useState('')

  useEffect(() => {
    if (visible) {
      setText('')
      setFailure('')
    }
  }, [visible])

  const confirm = async () => {
    const value = text.trim()
    if (required && !value) {
      setFailure(`请填写${label}`)
      throw new Error('required')
    }
    setFailure('')
    try {
      await onSubmit(value)
    } catch (e) {
      setFailure(messageOf(e))
      throw e
    }
  }

  return (
    <Dialog visible={visible} title={title} confirmText={confirmText} cancelText="取消" closeOnOverlayClick={false} onConfirm={confirm} onCancel={onClose} onClose={onClose}>
      <View className="reason-dialog">
        {message ? <View className="reason-dialog-message">{message}</View> : null}
        <Text className="reason-dialog-label">
          {label}
          {required ? '（必填）' : '（可不填）'}
        </Text>
        <TextArea value={text} onChange={setText} placeholder={placeholder} maxLength={maxLength} showCount rows={3} className="boxed-textarea" />
        {children}
        {failure ? (
          <View className="error-text reason-dialog-error" role="alert">
            {failure}
          </View>
        ) : null}
      </View>
    </Dialog>
  )
}
