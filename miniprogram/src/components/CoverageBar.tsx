import { Progress } from '@nutui/nutui-react-taro'

/** Households in the group against the roster, as a bar. */
export function CoverageBar({ permille, className }: { permille: number; className?: string }) {
  return (
    <Progress percent={permille / 10} color="#b4282d" background="#e5e5e5" strokeWidth="10" className={className} />
  )
}
