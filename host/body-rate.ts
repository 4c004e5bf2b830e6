import type { IncomingMessage, ServerResponse } from 'node:http'

/** The slowest a request's body may arrive: `minBytesPerSec` over any `windowMs`, looked at every `checkMs`. */
export interface BodyRate {
  minBytesPerSec: number
  windowMs: number
  checkMs: number
}

/**
 * Watches a request's body arrive and calls `tooSlow` once when, over the last `windowMs`, less came than
 * `minBytesPerSec` for that window (or than what the body still has to bring, when that is less). Node only
 * limits a whole request's time (requestTimeout), so without this a client trickling a byte a second holds its
 * connection for the full two minutes. Counted on the socket (`bytesRead`), since node's parser reads the socket
 * itself. Stops when the body has all arrived, the answer is out or the connection closed.
 */
export function watchBodyRate(req: IncomingMessage, res: ServerResponse, rate: BodyRate, tooSlow: () => void): void {
  const declared = Number(req.headers['content-length'] ?? 0)
  const chunked = /\bchunked\b/i.test(String(req.headers['transfer-encoding'] ?? ''))
  if (!chunked && !(declared > 0)) return
  const socket = req.socket
  const started = socket.bytesRead
  const samples = [{ at: Date.now(), bytes: started }]
  const timer = setInterval(() => {
    const now = Date.now()
    const bytes = socket.bytesRead
    samples.push({ at: now, bytes })
    while (samples.length > 1 && samples[1]!.at <= now - rate.windowMs) samples.shift()
    const oldest = samples[0]!
    if (now - oldest.at < rate.windowMs) return
    // What is still to come, at most: `started` may already hold a little of the body besides the headers.
    const remaining = chunked ? Infinity : declared - (bytes - started)
    const needed = Math.min((rate.minBytesPerSec * rate.windowMs) / 1000, Math.max(1, remaining))
    if (bytes - oldest.bytes >= needed) return
    stop()
    tooSlow()
  }, rate.checkMs)
  timer.unref()
  const stop = () => clearInterval(timer)
  req.once('end', stop)
  req.once('close', stop)
  res.once('finish', stop)
}
