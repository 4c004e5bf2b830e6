// npm run admin -- <command>: set up and look after a township on the local
// host's SQLite database (DATA_DIR, default .data). See host/admin.ts.
import { spawnSync } from 'node:child_process'
import { join } from 'node:path'
import { bundleHost, ensureDependencies, root } from './lib.mjs'

ensureDependencies()
bundleHost('host/admin.ts', '.build/admin.cjs')
const result = spawnSync(process.execPath, [join(root, '.build/admin.cjs'), ...process.argv.slice(2)], { stdio: 'inherit', cwd: root })
process.exit(result.status ?? 1)
