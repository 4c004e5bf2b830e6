import { useEffect, useRef, useState } from 'react'
import { ApiError } from '../services/api'
import { messageOf } from '../components/PageShell'
import { newRequestId } from '../components/feedback'

/** Waits between automatic retries while the network is down: about a minute in all. */
const RETRY_DELAYS = [1000, 2000, 4000, 8000, 15000, 30000]

export type Phase = 'idle' | 'sending' | 'retrying' | 'sent' | 'failed'

/**
 * A form sent once. Its request id is made when the form opens and kept until
 * the server acknowledges it: when the network drops, the same request is
 * sent again by itself for about a minute, then the person can retry by hand,
 * and the server files it exactly once whichever attempt gets through.
 */
export function useSubmission<T>(send: (requestId: string) => Promise<T>, { autoRetry = true } = {}) {
  const requestId = useRef(newRequestId())
  const alive = useRef(true)
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null)
  const [phase, setPhase] = useState<Phase>('idle')
  const [failure, setFailure] = useState('')
  const [result, setResult] = useState<T | null>(null)
  const sendRef = useRef(send)
  sendRef.current = send

  useEffect(
    () => () => {
      alive.current = false
      if (timer.current) clearTimeout(timer.current)
    },
    [],
  )

  const attempt = async (retries: number): Promise<void> => {
    try {
      const value = await sendRef.current(requestId.current)
      if (!alive.current) return
      setResult(value)
      setPhase('sent')
    } catch (e) {
      if (!alive.current) return
      const offline = e instanceof ApiError && e.code === 'NETWORK'
      if (offline && autoRetry && retries < RETRY_DELAYS.length) {
        setPhase('retrying')
        timer.current = setTimeout(() => void attempt(retries + 1), RETRY_DELAYS[retries])
        return
      }
      setPhase('failed')
      const busy = e instanceof ApiError && e.code === 'BUSY'
      setFailure(
        offline
          ? '提交失败：网络一直没有连上。您写的内容还在，请点“重试”。'
          : busy
            ? '服务器忙，请稍后再试。您写的内容还在，过一会儿再点“重试”（不会重复提交）。'
            : `${messageOf(e)}。您写的内容还在，改好后可以再提交。`,
      )
    }
  }

  const submit = () => {
    if (phase === 'sending' || phase === 'retrying' || phase === 'sent') return
    setFailure('')
    setPhase('sending')
    void attempt(0)
  }

  return { submit, phase, submitting: phase === 'sending' || phase === 'retrying', failure, setFailure, result }
}

/** The words for where a submission stands, for the person waiting on it. */
export const phaseLabels: Record<Phase, string> = {
  idle: '',
  sending: '提交中…',
  retrying: '网络不好，正在重新提交…（不会重复提交）',
  sent: '已提交',
  failed: '提交失败',
}
