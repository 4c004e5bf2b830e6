import { Empty } from '@nutui/nutui-react-taro'

/**
 * A blank sheet of paper, inline: NutUI's default empty-state pictures load
 * from a third-party CDN, which the local host (and an offline phone) cannot reach.
 */
const SHEET = 'data:image/svg+xml;base64,PHN2ZyB4bWxucz0naHR0cDovL3d3dy53My5vcmcvMjAwMC9zdmcnIHdpZHRoPSc5NicgaGVpZ2h0PSc5Nicgdmlld0JveD0nMCAwIDk2IDk2Jz48cmVjdCB4PScyMicgeT0nMTInIHdpZHRoPSc1MicgaGVpZ2h0PSc3MCcgcng9JzYnIGZpbGw9JyNmYWZhZmEnIHN0cm9rZT0nIzllOWU5ZScgc3Ryb2tlLXdpZHRoPSc0Jy8+PHBhdGggZD0nTTM0IDM0aDI4TTM0IDQ3aDI4TTM0IDYwaDE2JyBzdHJva2U9JyM5ZTllOWUnIHN0cm9rZS13aWR0aD0nNCcgc3Ryb2tlLWxpbmVjYXA9J3JvdW5kJy8+PC9zdmc+'

interface Props {
  title: string
  description?: string
}

/** NutUI's Empty with a local picture and large text, inside a white card. */
export function EmptyState({ title, description }: Props) {
  return <Empty className="empty-state" image={SHEET} imageSize={80} title={title} description={description || undefined} />
}
