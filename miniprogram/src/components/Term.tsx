import Taro from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { glossary, termsIn } from './glossary'
import './Term.css'

const explain = (word: string) => void Taro.showModal({ title: word, content: glossary[word] ?? '', showCancel: false, confirmText: '知道了' })

/** A term of the reform, underlined: a tap shows what it means in one line. */
export function Term({ word }: { word: string }) {
  return (
    <Text className="term" aria-label={`${word}，点一下看意思`} onClick={() => explain(word)}>
      {word}
    </Text>
  )
}

/** Under a text that uses such terms: each one with its meaning, so nobody has to ask. */
export function TermNotes({ text }: { text: string }) {
  const words = termsIn(text)
  if (words.length === 0) return null
  return (
    <View className="card term-notes">
      <Text className="term-notes-title">文中说法的意思</Text>
      {words.map((word) => (
        <Text key={word} className="term-note">
          <Text className="term-note-word">{word}</Text>：{glossary[word]}
        </Text>
      ))}
    </View>
  )
}
