import { Progress } from '@nutui/nutui-react-taro'

/** A share as a bar: households in the group against the roster, readers of an announcement, a vote's choices. */
export function CoverageBar({ permille, className, color = 'var(--color-primary)' }: { permille: number; className?: string; color?: string }) {
  return <Progress percent={permille / 10} color={color} background="var(--color-line)" strokeWidth="10" className={className} />
}
