import { writeFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { secureDataDir } from './data-dir'
import { parseArgs } from 'node:util'
import { SqliteStore } from '../cloudfunctions/adapters/sqlite/store'
import { systemClock } from '../cloudfunctions/core/context'
import { bootstrapTownship, SETUP_TOWNSHIP_ID } from '../cloudfunctions/core/bootstrap'
import { auditedStore } from '../cloudfunctions/core/dispatch'
import { operatorEntry } from '../cloudfunctions/core/audit-log'
import { importReference, referenceDir } from '../cloudfunctions/core/reference'
import { createInvite } from '../cloudfunctions/core/invites'
import { queryAll } from '../cloudfunctions/core/paging'
import { localOutbox } from '../cloudfunctions/core/notifier'
import { noCodes } from '../cloudfunctions/core/codes'
import { noOpenData } from '../cloudfunctions/core/open-data'
import { noUpdatable } from '../cloudfunctions/core/updatable'
import { exportCsv } from '../cloudfunctions/township/exports'
import { DEFAULT_INVITE_DAYS } from '../shared/township/rules'
import { AppError } from '../shared/errors'
import { LocalFiles } from './files'
import { applyRetention } from '../cloudfunctions/core/retention'
import { retentionDays, retentionLabels } from '../shared/retention'
import { addDays, beijingDay } from '../shared/time'

const usage = `用法 (usage): npm run admin -- <命令>
  bootstrap --township 石桥镇 --district 清河区 --name 张三 [--title 镇纪委书记]
                      开通乡镇，载入区级权力清单、责任清单和负面清单
                      （cloudfunctions/setup/reference 下的表格），打印第一位镇纪委干部的任命码（只能开通一次）
  import-power-list [--dir 文件夹] [--apply] [--by 王科长]
                      载入区级权力清单的新版本（默认 cloudfunctions/setup/reference 下的表格）：
                      先预览，列出每一个错行，或列出新增、修改的事项；没有错行时加 --apply 才写入。
                      写入时每个新增、修改的事项记一版变更记录（导入人 --by，默认“运营方”），
                      选了修改事项的村，村书记会收到通知
  list                列出乡镇、各村（加入码）、职务和未使用的任命码（发给谁、哪天到期；码本身只在发出时显示）
  invite --name 张三 [--title 镇纪委书记]
                      给镇纪委干部发一个新的任命码（原来的丢了或过期时用）
  export --kind cases|feedback|reports|figures [--out 文件.csv]
                      导出表格（UTF-8，Excel 可直接打开）
  retention [--dry-run]
                      按保存期限删除到期的记录（选票、举报、操作记录等，见 README“保存期限”），
                      打印每类删了多少；--dry-run 只列出会删多少，什么也不删
数据目录：DATA_DIR（默认 .data）`

async function main(): Promise<number> {
  const [command, ...rest] = process.argv.slice(2)
  const { values } = parseArgs({
    args: rest,
    options: {
      township: { type: 'string' },
      district: { type: 'string' },
      name: { type: 'string' },
      title: { type: 'string' },
      kind: { type: 'string' },
      out: { type: 'string' },
      'dry-run': { type: 'boolean' },
      dir: { type: 'string' },
      apply: { type: 'boolean' },
      by: { type: 'string' },
    },
  })
  const dataDir = resolve(process.env.DATA_DIR ?? '.data')
  secureDataDir(dataDir)
  const store = SqliteStore.open(resolve(dataDir, 'village.db'))
  const now = systemClock.now()
  try {
    const townships = await queryAll(store, 'township', {}, { field: '_id', direction: 'asc' })
    const township = townships[0]
    // A command that writes does it on a store whose first write carries its audit entry, in the same transaction
    // (as dispatch does for an action): the operator, the command, the township.
    const audited = (command: string, townshipId: string | null) => auditedStore(store, operatorEntry(`admin.${command}`, townshipId, townshipId ? [townshipId] : [], now))
    switch (command) {
      case 'bootstrap': {
        if (!values.township || !values.district || !values.name) return fail('请给出 --township、--district 和 --name')
        const result = await bootstrapTownship(
          audited('bootstrap', SETUP_TOWNSHIP_ID),
          { township: values.township, district: values.district, staffName: values.name, staffTitle: values.title ?? '镇纪委书记' },
          now,
        )
        console.log(`已开通 ${values.district}${values.township}，${result.loaded}。\n${values.name}的任命码：${result.inviteCode}（${DEFAULT_INVITE_DAYS}天内有效）`)
        console.log('在小程序（或本地 H5：以新访客身份登录）首页点“我有任命码”，输入任命码即成为镇纪委干部。')
        return 0
      }
      case 'import-power-list': {
        const dir = values.dir ? resolve(values.dir) : referenceDir()
        const result = await importReference(values.apply === true ? audited('importPowerList', township?._id ?? null) : store, dir, values.apply === true, { now, by: values.by })
        if (!result.ok) {
          for (const problem of result.problems) console.error(`  ${problem}`)
          return fail(`表格有 ${result.problems.length} 处错误，什么也没有写入；改好后再运行`)
        }
        for (const line of result.changes) console.log(line)
        if (values.apply !== true) {
          console.log('这是预览，什么也没有写入。确认无误后加 --apply 再运行一次。')
          return 0
        }
        console.log(`已写入。变更记录新增 ${result.versions} 版；村书记的微信通知 ${result.notified} 条（发给选了被修改事项的村）。`)
        return 0
      }
      case 'list': {
        if (!township) return fail('还没有开通乡镇：npm run admin -- bootstrap …')
        for (const t of townships) console.log(`乡镇：${t.district}${t.name} (${t._id})`)
        for (const v of await queryAll(store, 'village', { townshipId: township._id }, { field: 'name', direction: 'asc' })) console.log(`  村：${v.name}  加入码 ${v.joinCode}`)
        for (const a of await queryAll(store, 'appointment', { townshipId: township._id }, { field: 'role', direction: 'asc' }, 5000)) {
          if (a.status === 'active') console.log(`  职务：${a.title} ${(await store.get('person', a.personId))?.name ?? ''}`)
        }
        for (const i of await queryAll(store, 'invite', { townshipId: township._id }, { field: 'createdAt', direction: 'desc' }, 500)) {
          if (i.status === 'open' && i.expiresAt > now.toISOString())
            console.log(`  未使用的任命码：${i.title} ${i.name}，${beijingDay(i.expiresAt)}前有效（码只在发出时显示一次）`)
        }
        return 0
      }
      case 'invite': {
        if (!township) return fail('还没有开通乡镇：npm run admin -- bootstrap …')
        if (!values.name) return fail('请给出 --name')
        const { code } = await createInvite(audited('invite', township._id), {
          townshipId: township._id,
          villageId: null,
          role: 'township',
          title: values.title ?? '镇纪委干部',
          name: values.name,
          createdAt: now.toISOString(),
          createdBy: '管理命令',
          expiresAt: addDays(now, DEFAULT_INVITE_DAYS),
        })
        // The code is printed this once: only its hash is stored, so `list` cannot show it again.
        console.log(`${values.name}的任命码：${code}（${DEFAULT_INVITE_DAYS}天内有效；只显示这一次，请抄下来。丢了就再运行一次这个命令）`)
        return 0
      }
      case 'export': {
        if (!township) return fail('还没有开通乡镇')
        const kind = values.kind
        if (kind !== 'cases' && kind !== 'feedback' && kind !== 'reports' && kind !== 'figures') return fail('--kind 只能是 cases、feedback、reports 或 figures')
        // The export handler, run as the township itself rather than one of its staff.
        const actor = {
          personId: null,
          name: '管理命令',
          role: 'township' as const,
          title: null,
          townshipId: township._id,
          villageId: null,
          householdId: null,
          memberId: null,
          isRepresentative: false,
        }
        const files = new LocalFiles(resolve(dataDir, 'files'))
        const { filename, csv } = await exportCsv(
          {
            openid: 'admin',
            actor,
            caller: { actor, person: null, member: null, appointment: null, household: null, village: null },
            store,
            clock: systemClock,
            notifier: localOutbox,
            codes: noCodes,
            files,
            openData: noOpenData,
            updatable: noUpdatable,
            now: now.toISOString(),
            // An export writes nothing to audit here (it is not a dispatched call).
            auditedTransaction: (_output, work) => store.transaction(work),
          },
          { kind },
        )
        // A read of every case, feedback or report: recorded like township.export (issue 18).
        await store.insert('audit', operatorEntry('admin.export', township._id, [township._id], now))
        const out = resolve(values.out ?? filename)
        writeFileSync(out, csv)
        console.log(`已导出 ${out}`)
        return 0
      }
      case 'retention': {
        const dryRun = values['dry-run'] === true
        const { counts, complete } = await applyRetention(dryRun ? store : audited('retention', township?._id ?? null), now, {
          dryRun,
          files: new LocalFiles(resolve(dataDir, 'files')),
        })
        console.log(dryRun ? '按保存期限，下列记录到期，会被删除（这次什么也没删）：' : '按保存期限删除了：')
        const rows = Object.entries(counts).filter(([, n]) => n > 0)
        for (const [collection, n] of rows) console.log(`  ${retentionLabels[collection] ?? collection}：${n} 条`)
        if (rows.length === 0) console.log('  没有到期的记录')
        console.log(
          `保存期限：选票 ${retentionDays.ballots} 天，已办结举报 ${retentionDays.reports} 天，操作记录 ${retentionDays.audit} 天，` +
            `消息记录 ${retentionDays.notifications} 天，已退出的成员 ${retentionDays.departedMembers} 天（都从事情办完算起）`,
        )
        if (!complete) console.log('还没删完，请再运行一次')
        return 0
      }
      default:
        console.log(usage)
        return command ? 1 : 0
    }
  } catch (error) {
    if (error instanceof AppError) return fail(error.message)
    throw error
  } finally {
    store.close()
  }
}

function fail(message: string): number {
  console.error(`✖ ${message}`)
  return 1
}

main().then((code) => process.exit(code))
