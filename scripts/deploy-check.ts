/**
 * The pure checks behind `npm run check:deploy` (scripts/check-deploy.mjs bundles this file with esbuild and
 * runs it over the real build output) and behind test/unit/readme.test.ts (the README's index table).
 * Each check returns the problems it found, in words an operator can act on; an empty list means it passed.
 */
import type { CollectionSpec } from '../cloudfunctions/core/collections'

/** The lines of the first Markdown table after `marker` in the README (empty when the marker is missing). */
export function tableAfter(readme: string, marker: string): string {
  const at = readme.indexOf(marker)
  if (at < 0) return ''
  const lines = readme.slice(at).split('\n').slice(1)
  const start = lines.findIndex((l) => l.trim().startsWith('|'))
  if (start < 0) return ''
  const end = lines.findIndex((l, i) => i > start && !l.trim().startsWith('|'))
  return lines.slice(start, end < 0 ? undefined : end).join('\n')
}

/** The heading of the README's collection table (deploy step 3); the table is the first one after it. */
export const COLLECTION_TABLE_MARKER = '在云开发控制台的数据库中创建下列集合'
/** The heading of the README's console-settings table (deploy step 6). */
export const CONSOLE_TABLE_MARKER = '云函数的超时时间和内存要在控制台设置'

/** The README's deployment table: collection → the index cells of its row, split at `；`, backticks and `—` dropped. */
export function readmeIndexRows(readme: string): Map<string, string[]> {
  return new Map(
    [...tableAfter(readme, COLLECTION_TABLE_MARKER).matchAll(/^\s*\| `(\w+)` \| (.*) \|$/gm)].map(([, name, cell]) => [
      name!,
      cell!
        .split('；')
        .map((s) => s.trim().replace(/`/g, ''))
        .filter((c) => c !== '—' && c !== ''),
    ]),
  )
}

/** The cells a collection's row must hold: each plain index `a + b + _id`, each unique key `唯一 a + b`. */
export function expectedIndexCells(spec: CollectionSpec): string[] {
  return [...spec.indexes.filter((i) => !spec.unique.some((u) => u.join() === i.join())).map((i) => i.join(' + ')), ...spec.unique.map((u) => `唯一 ${u.join(' + ')}`)]
}

/** The README's table against collections.ts: every collection listed with exactly its indexes, and no other. */
export function readmeTableProblems(readme: string, specs: Record<string, CollectionSpec>): string[] {
  const rows = readmeIndexRows(readme)
  const problems: string[] = []
  for (const [name, spec] of Object.entries(specs)) {
    const listed = rows.get(name)
    if (!listed) {
      problems.push(`README 的集合表缺少 ${name}`)
      continue
    }
    const expected = expectedIndexCells(spec)
    const missing = expected.filter((c) => !listed.includes(c))
    const extra = listed.filter((c) => !expected.includes(c))
    if (missing.length) problems.push(`README 的 ${name} 行缺少索引：${missing.join('；')}`)
    if (extra.length) problems.push(`README 的 ${name} 行多出索引：${extra.join('；')}`)
  }
  for (const name of rows.keys()) if (!(name in specs)) problems.push(`README 的集合表有 collections.ts 里没有的集合 ${name}`)
  return problems
}

/** cloudfunctions/database-rules.json: every collection denies all direct client reads and writes, and names no other. */
export function rulesProblems(rules: unknown, collections: readonly string[]): string[] {
  if (!rules || typeof rules !== 'object' || Array.isArray(rules)) return ['database-rules.json 不是“集合名 → 规则”的对象']
  const byName = rules as Record<string, unknown>
  const problems: string[] = []
  for (const name of collections) {
    const rule = byName[name] as Record<string, unknown> | undefined
    if (!rule) problems.push(`集合 ${name} 没有数据库安全规则`)
    else if (rule.read !== false || rule.write !== false || Object.keys(rule).length !== 2) problems.push(`集合 ${name} 的规则不是 {"read": false, "write": false}`)
  }
  for (const name of Object.keys(byName)) if (!collections.includes(name)) problems.push(`规则里有代码中没有的集合 ${name}`)
  return problems
}

// Cron fields of a WeChat cloud timer trigger: seven, separated by spaces, in UTC+8
// (https://developers.weixin.qq.com/miniprogram/dev/wxcloud/guide/functions/triggers.html).
const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC']
const DAYS = ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT']
const CRON_FIELDS: readonly { name: string; min: number; max: number; names?: readonly string[]; nameBase?: number }[] = [
  { name: '秒', min: 0, max: 59 },
  { name: '分钟', min: 0, max: 59 },
  { name: '小时', min: 0, max: 23 },
  { name: '日', min: 1, max: 31 },
  { name: '月', min: 1, max: 12, names: MONTHS, nameBase: 1 },
  { name: '星期', min: 0, max: 6, names: DAYS, nameBase: 0 },
  { name: '年', min: 1970, max: 2099 },
]

/** Problems with a 7-field cron expression (`,` `-` `*` `/` as the WeChat docs list them). */
export function cronProblems(expression: string): string[] {
  const parts = expression.trim().split(/\s+/)
  if (parts.length !== 7) return [`cron 表达式“${expression}”应有 7 个字段（秒 分 时 日 月 星期 年），实有 ${parts.length} 个`]
  const problems: string[] = []
  parts.forEach((part, i) => {
    const field = CRON_FIELDS[i]!
    const value = (text: string): number | null => {
      if (/^\d+$/.test(text)) return Number(text)
      const at = field.names?.indexOf(text.toUpperCase()) ?? -1
      return at >= 0 ? at + field.nameBase! : null
    }
    const inRange = (n: number | null) => n !== null && n >= field.min && n <= field.max
    for (const item of part.split(',')) {
      const [base, step, ...rest] = item.split('/')
      let ok = rest.length === 0 && base !== undefined && base !== ''
      if (ok && step !== undefined) ok = /^\d+$/.test(step) && Number(step) > 0
      if (ok && base !== '*') {
        const [from, to, ...more] = base!.split('-')
        ok = more.length === 0 && inRange(value(from!)) && (to === undefined || (inRange(value(to)) && value(to)! >= value(from!)!))
      }
      if (!ok) problems.push(`cron 表达式“${expression}”的${field.name}字段“${part}”不合法（${field.min}–${field.max}）`)
    }
  })
  return problems
}

/**
 * A cloud function's config.json as WeChat DevTools reads it on upload. The official docs define two keys:
 * `permissions.openapi` (云调用, https://developers.weixin.qq.com/miniprogram/dev/wxcloud/guide/openapi/openapi.html)
 * and `triggers` (定时触发器, at most one, type `timer`, https://developers.weixin.qq.com/miniprogram/dev/wxcloud/guide/functions/triggers.html).
 * Neither page lets config.json set a timeout or memory: those are set in the console (README, 发布到微信), so a
 * `timeout` or `memorySize` key here would only pretend, and is reported.
 */
export function functionConfigProblems(text: string): string[] {
  let config: unknown
  try {
    config = JSON.parse(text)
  } catch (e) {
    return [`config.json 不是合法的 JSON：${(e as Error).message}`]
  }
  if (!config || typeof config !== 'object' || Array.isArray(config)) return ['config.json 应是一个对象']
  const problems: string[] = []
  const { permissions, triggers, ...rest } = config as Record<string, unknown>
  for (const key of Object.keys(rest)) problems.push(`config.json 里的“${key}”不是微信文档定义的字段（只有 permissions、triggers）；超时、内存在控制台设置`)
  if (permissions !== undefined) {
    const openapi = (permissions as { openapi?: unknown } | null)?.openapi
    const others = permissions && typeof permissions === 'object' ? Object.keys(permissions).filter((k) => k !== 'openapi') : []
    if (!Array.isArray(openapi) || openapi.some((a) => typeof a !== 'string' || !/^[a-zA-Z]+\.[a-zA-Z]+$/.test(a)) || others.length)
      problems.push('permissions 应为 { "openapi": ["接口.方法", …] }')
  }
  if (triggers !== undefined) {
    if (!Array.isArray(triggers)) return [...problems, 'triggers 应是数组']
    if (triggers.length > 1) problems.push(`triggers 只能有一个触发器，实有 ${triggers.length} 个`)
    for (const t of triggers as Record<string, unknown>[]) {
      if (typeof t?.name !== 'string' || !/^[A-Za-z][A-Za-z0-9_-]{0,59}$/.test(t.name)) problems.push(`触发器名称“${String(t?.name)}”应以字母开头，最多 60 个字母、数字、- 或 _`)
      if (t?.type !== 'timer') problems.push(`触发器类型“${String(t?.type)}”不支持，只有 timer`)
      if (typeof t?.config !== 'string') problems.push('定时触发器的 config 应是 cron 表达式字符串')
      else problems.push(...cronProblems(t.config))
    }
  }
  return problems
}

/**
 * What each cloud function needs set in the console (云开发控制台 → 云函数 → 版本与配置), since config.json cannot
 * carry it. The default timeout is 3 s. The README's 发布到微信 step lists the same table; check:deploy compares them.
 */
export const consoleSettings: Record<string, { timeout: number; memory?: number; why: string }> = {
  report: { timeout: 30, memory: 1024, why: '照片重新编码' },
  feedback: { timeout: 30, memory: 1024, why: '照片重新编码；每小时的定时办结' },
  disclosure: { timeout: 30, memory: 1024, why: '照片重新编码' },
  announcement: { timeout: 60, memory: 1024, why: '照片重新编码；发件箱定时分批发送' },
  township: { timeout: 60, why: '导出；检查花名册文件' },
  evaluation: { timeout: 60, why: '定时结束到期的评议' },
  group: { timeout: 30, why: '定时更新评议卡片的参评户数' },
}

/** The README's console-settings table (rows `| \`name\` | N 秒 | M MB | … |`) against consoleSettings. */
export function consoleSettingsProblems(readme: string): string[] {
  const rows = new Map(
    [...tableAfter(readme, CONSOLE_TABLE_MARKER).matchAll(/^\s*\| `(\w+)` \| (\d+) 秒 \| (\d+ MB|—) \|/gm)].map(([, name, seconds, memory]) => [
      name!,
      { timeout: Number(seconds), memory: memory === '—' ? undefined : Number.parseInt(memory!, 10) },
    ]),
  )
  const problems: string[] = []
  for (const [name, want] of Object.entries(consoleSettings)) {
    const row = rows.get(name)
    if (!row) problems.push(`README 的控制台设置表缺少云函数 ${name}（超时 ${want.timeout} 秒）`)
    else if (row.timeout !== want.timeout || row.memory !== want.memory) problems.push(`README 的控制台设置表中 ${name} 应为 ${want.timeout} 秒 / ${want.memory ?? '—'} MB`)
  }
  return problems
}
