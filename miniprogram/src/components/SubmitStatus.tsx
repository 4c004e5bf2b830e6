import { View, Text } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { phaseLabels, type Phase } from '../hooks/useSubmission'
import './SubmitStatus.css'

/** 提交中 / 正在重新提交 / 提交失败，点此重试: where a submission stands, under its button. */
export function SubmitStatus({ phase, failure, onRetry }: { phase: Phase; failure: string; onRetry: () => void }) {
  if (phase === 'idle' && !failure) return null
  return (
    <View className="submit-status">
      {phase === 'sending' || phase === 'retrying' ? (
        <Text className={`submit-status-text${phase === 'retrying' ? ' submit-status-retrying' : ''}`} aria-live="polite">
          {phaseLabels[phase]}
        </Text>
      ) : null}
      {failure ? (
        <View className="card error-text submit-status-failure" role="alert">
          {failure}
          {phase === 'failed' ? (
            <Button block size="large" type="primary" fill="outline" className="submit-status-retry" onClick={onRetry}>
              提交失败，点此重试
            </Button>
          ) : null}
        </View>
      ) : null}
    </View>
  )
}
