import { useCallback, useEffect, useRef, useState } from 'react'

/** Loads data on mount (and on `reload`), tracking loading and error states. */
export function useRemote<T>(load: () => Promise<T>, deps: readonly unknown[] = []) {
  const [data, setData] = useState<T | null>(null)
  const [error, setError] = useState<unknown>(null)
  const [loading, setLoading] = useState(true)
  const latest = useRef(0)

  const reload = useCallback(() => {
    const ticket = ++latest.current
    setLoading(true)
    load()
      .then((value) => {
        if (ticket !== latest.current) return
        setData(value)
        setError(null)
      })
      .catch((e: unknown) => {
        if (ticket === latest.current) setError(e)
      })
      .finally(() => {
        if (ticket === latest.current) setLoading(false)
      })
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps)

  useEffect(reload, [reload])
  return { data, error, loading, reload }
}
