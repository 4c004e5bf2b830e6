import { useState } from 'react'
import { messageOf } from '../components/PageShell'

/**
 * One piece of work at a time on a page (check a file, import it): `busy` while it runs, and its failure in words
 * (cleared when the next one starts), for the page's ErrorCard.
 */
export function useBusy() {
  const [busy, setBusy] = useState(false)
  const [failure, setFailure] = useState('')
  const run = async (work: () => Promise<void>) => {
    setBusy(true)
    setFailure('')
    try {
      await work()
    } catch (e) {
      setFailure(messageOf(e))
    } finally {
      setBusy(false)
    }
  }
  return { busy, failure, run }
}
