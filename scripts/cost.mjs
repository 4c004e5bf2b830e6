// npm run cost: database requests and sequential round trips per action on the cloud adapter over the
// CloudBase stand-in (issue 15, item 5). Not part of npm test. Bundles scripts/cost/main.ts as the host is
// bundled (wx-server-sdk kept external, so the stand-in patches the copy the adapter uses), then runs it.
import { spawnSync } from 'node:child_process'
import { join } from 'node:path'
import { bundleHost, ensureDependencies, root } from './lib.mjs'

ensureDependencies()
bundleHost('scripts/cost/main.ts', '.build/cost.cjs')
const result = spawnSync(process.execPath, [join(root, '.build/cost.cjs'), ...process.argv.slice(2)], { stdio: 'inherit', cwd: root })
process.exit(result.status ?? 1)
