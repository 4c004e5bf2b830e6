import { useRef, useState } from 'react'
import { useMutation } from '@tanstack/react-query'
import { ApiError } from '../services/api'
import { messageOf } from '../components/PageShell'
import { newRequestId } from '../components/feedback'
import { retrySubmission, submissionRetryDelay } from '../services/queries/retry'

export type Phase = 'idle' | 'sending' | 'retrying' | 'sent' | 'failed'

/** What the person reads when a submission has failed; their words are always kept. */
function failureText(e: unknown): string {
  if (e instanceof ApiError && e.code === 'NETWORK') return '提交失败：网络一直没有连上。您写的内容还在，请点“重试”。'
  if (e instanceof ApiError && e.code === 'BUSY') return '服务器忙，请稍后再试。您写的内容还在，过一会儿再点“重试”（不会重复提交）。'
  return `${messageOf(e)}。您写的内容还在，改好后可以再提交。`
}

/**
 * A form sent once. Its request id is made when the form opens and kept until the server acknowledges it: when
 * the network drops, the same request is sent again by itself for about a minute (services/queries/retry.ts),
 * then the person can retry by hand, and the server files it exactly once whichever attempt gets through.
 */
export function useSubmission<T>(send: (requestId: string) => Promise<T>, { autoRetry = true } = {}) {
  const requestId = useRef(newRequestId())
  const sendRef = useRef(send)
  sendRef.current = send
  // A page's own words (a check before sending) or the last failure's.
  const [failure, setFailure] = useState('')
  const mutation = useMutation<T, unknown, void>({
    mutationFn: () => sendRef.current(requestId.current),
    retry: autoRetry ? retrySubmission : false,
    retryDelay: submissionRetryDelay,
    onError: (e) => setFailure(failureText(e)),
  })

  const phase: Phase = mutation.isPending ? (mutation.failureCount > 0 ? 'retrying' : 'sending') : mutation.isSuccess ? 'sent' : mutation.isError ? 'failed' : 'idle'

  const submit = () => {
    if (phase === 'sending' || phase === 'retrying' || phase === 'sent') return
    setFailure('')
    mutation.mutate()
  }

  return { submit, phase, submitting: mutation.isPending, failure, setFailure, result: mutation.data ?? null }
}

/** The words for where a submission stands, for the person waiting on it. */
export const phaseLabels: Record<Phase, string> = {
  idle: '',
  sending: '提交中…',
  retrying: '网络不好，正在重新提交…（不会重复提交）',
  sent: '已提交',
  failed: '提交失败',
}
