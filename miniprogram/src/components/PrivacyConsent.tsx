import { useEffect, useState } from 'react'
import Taro from '@tarojs/taro'
import { Button, View, Text } from '@tarojs/components'
import { Popup } from '@nutui/nutui-react-taro'
import { answerPrivacy, onPrivacyRequest } from '../services/privacy'

const AGREE_ID = 'privacy-agree'

/** WeChat's privacy consent, shown when a page first needs it; the agree button is WeChat's own kind. */
export function PrivacyConsent() {
  const [asking, setAsking] = useState(false)
  useEffect(() => onPrivacyRequest(setAsking), [])
  if (process.env.TARO_ENV !== 'weapp') return null
  return (
    <Popup visible={asking} position="bottom" round closeOnOverlayClick={false} title="用户隐私保护提示">
      <View className="privacy-consent">
        <Text className="privacy-text">使用前请阅读《用户隐私保护指引》：本程序只保存您填写的姓名、户号和您提交的意见、照片，用于村务监督；投票不与任何人关联。</Text>
        <Button className="privacy-link" onClick={() => void Taro.openPrivacyContract({})}>
          查看《用户隐私保护指引》
        </Button>
        <Button id={AGREE_ID} className="privacy-agree" openType="agreePrivacyAuthorization" onAgreePrivacyAuthorization={() => answerPrivacy(true, AGREE_ID)}>
          同意并继续
        </Button>
        <Button className="privacy-disagree" onClick={() => answerPrivacy(false, AGREE_ID)}>
          不同意
        </Button>
      </View>
    </Popup>
  )
}
