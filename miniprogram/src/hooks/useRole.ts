import { useEffect, useState } from 'react'
import { call, session, type Output } from '../services/api'

type Me = Output<'member', 'me'>

// One member.me per signed-in session: pages that only need the caller's role share it.
let cached: { token: string; promise: Promise<Me> } | null = null

export function loadMe(): Promise<Me> {
  const token = session.token()
  if (!cached || cached.token !== token) {
    const entry = {
      token,
      promise: call('member', 'me', {}).catch((e: unknown) => {
        if (cached === entry) cached = null
        throw e
      }),
    }
    cached = entry
  }
  return cached.promise
}

/** The caller's role, or null until it is known (or when it could not be loaded). */
export function useRole(): Me['role'] | null {
  const [role, setRole] = useState<Me['role'] | null>(null)
  useEffect(() => {
    let live = true
    loadMe()
      .then((me) => live && setRole(me.role))
      .catch(() => live && setRole(null))
    return () => {
      live = false
    }
  }, [])
  return role
}
