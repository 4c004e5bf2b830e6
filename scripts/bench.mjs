// npm run bench [-- --scale city]: the load benchmark of issue 8. Not part of
// npm test. Bundles the benchmark and a host that logs its SQL, then runs it;
// the figures are printed and written to .build/bench-<scale>.json.
import { spawnSync } from 'node:child_process'
import { join } from 'node:path'
import { bundleHost, ensureDependencies, root } from './lib.mjs'

ensureDependencies()
bundleHost('scripts/bench/main.ts', '.build/bench.cjs')
bundleHost('scripts/bench/host.ts', '.build/bench-host.cjs')
const result = spawnSync(process.execPath, [join(root, '.build/bench.cjs'), ...process.argv.slice(2)], { stdio: 'inherit', cwd: root })
process.exit(result.status ?? 1)
