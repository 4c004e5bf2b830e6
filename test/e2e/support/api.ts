import type { Envelope } from '../../../shared/errors'

/** Calls the live host as a demo person, for setting up what a page needs to show. */
export function apiFor(baseUrl: string) {
  const tokens = new Map<string, string>()
  async function token(personId: string): Promise<string> {
    if (!tokens.has(personId)) {
      const res = await fetch(`${baseUrl}/api/dev/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ personId }),
      })
      tokens.set(personId, ((await res.json()) as Envelope<{ token: string }> & { ok: true }).data.token)
    }
    return tokens.get(personId)!
  }
  return {
    token,
    async call<T = any>(personId: string, area: string, action: string, input: Record<string, unknown> = {}): Promise<T> {
      const res = await fetch(`${baseUrl}/api/fn/${area}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${await token(personId)}` },
        body: JSON.stringify({ ...input, action }),
      })
      const body = (await res.json()) as Envelope<T>
      if (!body.ok) throw new Error(`${area}.${action} as ${personId}: ${body.error.code} ${body.error.message}`)
      return body.data
    },
  }
}
