import Taro from '@tarojs/taro'

/** Reads text aloud: the browser's speech synthesis in H5, WeChat's 同声传译 plugin in the mini-program. */
export interface Speaker {
  /** false where the phone cannot speak: the read-aloud button is then left out */
  readonly available: boolean
  speak(text: string, done: () => void): void
  stop(): void
}

function browserSpeaker(): Speaker {
  const synth = typeof window !== 'undefined' && 'speechSynthesis' in window ? window.speechSynthesis : null
  return {
    available: synth !== null,
    speak(text, done) {
      if (!synth) return done()
      synth.cancel()
      const utterance = new SpeechSynthesisUtterance(text)
      utterance.lang = 'zh-CN'
      utterance.rate = 0.9
      utterance.onend = done
      utterance.onerror = done
      synth.speak(utterance)
    },
    stop: () => synth?.cancel(),
  }
}

/**
 * The plugin's textToSpeech turns a short text into an audio file; a page is
 * read piece by piece, cut at sentence ends. Its content limit is about 1 KB
 * (≈300 Chinese characters in UTF-8), so pieces stay under 280 characters.
 * The operator adds the plugin (微信同声传译, provider wx069ba97219f66d99) in the
 * mini-program console; where it is missing the button is left out.
 */
const PIECE = 280

export function piecesOf(text: string): string[] {
  const sentences = text.replace(/\s+/g, ' ').match(/[^。！？；!?;]+[。！？；!?;]?/g) ?? []
  const pieces: string[] = []
  for (const sentence of sentences) {
    for (let i = 0; i < sentence.length; i += PIECE) {
      const part = sentence.slice(i, i + PIECE).trim()
      const last = pieces[pieces.length - 1]
      if (!part) continue
      if (last !== undefined && last.length + part.length <= PIECE) pieces[pieces.length - 1] = last + part
      else pieces.push(part)
    }
  }
  return pieces
}

interface WechatSI {
  textToSpeech(options: { lang: 'zh_CN'; tts: boolean; content: string; success(r: { filename: string }): void; fail(e: unknown): void }): void
}
declare const requirePlugin: (name: string) => unknown

function wechatSpeaker(): Speaker {
  let plugin: WechatSI | null = null
  try {
    plugin = requirePlugin('WechatSI') as WechatSI
  } catch {
    plugin = null
  }
  let audio: Taro.InnerAudioContext | null = null
  let run = 0
  const stop = () => {
    run++
    audio?.stop()
    audio?.destroy()
    audio = null
  }
  return {
    available: plugin !== null,
    speak(text, done) {
      stop()
      const mine = run
      const pieces = piecesOf(text)
      const next = (i: number) => {
        if (mine !== run) return
        if (i >= pieces.length || !plugin) return done()
        plugin.textToSpeech({
          lang: 'zh_CN',
          tts: true,
          content: pieces[i]!,
          success: ({ filename }) => {
            if (mine !== run) return
            audio?.destroy()
            audio = Taro.createInnerAudioContext()
            audio.src = filename
            audio.onEnded(() => next(i + 1))
            audio.onError(() => done())
            audio.play()
          },
          fail: () => done(),
        })
      }
      next(0)
    },
    stop,
  }
}

// Chosen at module level so the other platform's code is left out of the bundle (TOOLCHAIN notes).
export const speaker: Speaker = process.env.TARO_ENV === 'weapp' ? wechatSpeaker() : browserSpeaker()
