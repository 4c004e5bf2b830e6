import { useRef, useState } from 'react'
import { messageOf } from '../components/PageShell'
import { newRequestId } from '../components/feedback'

/**
 * A form sent once. Its request id is made when the form opens and kept until
 * the server acknowledges it, so pressing the button again after a dropped
 * connection repeats the same request and the server files it exactly once.
 */
export function useSubmission<T>(send: (requestId: string) => Promise<T>) {
  const requestId = useRef(newRequestId())
  const [submitting, setSubmitting] = useState(false)
  const [failure, setFailure] = useState('')
  const [result, setResult] = useState<T | null>(null)

  const submit = async () => {
    setSubmitting(true)
    setFailure('')
    try {
      setResult(await send(requestId.current))
    } catch (e) {
      setFailure(`${messageOf(e)}。您写的内容还在，可以再提交一次。`)
    } finally {
      setSubmitting(false)
    }
  }

  return { submit, submitting, failure, setFailure, result }
}
