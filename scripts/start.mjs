// npm start: install what is missing, build the H5 app if its sources changed,
// then run the local host on the demo village (seeded on first start).
import { spawn } from 'node:child_process'
import { join } from 'node:path'
import { buildMiniprogram, bundleHost, ensureDependencies, root } from './lib.mjs'

ensureDependencies()
buildMiniprogram('h5')
bundleHost()
const host = spawn(process.execPath, [join(root, '.build/host.cjs')], { stdio: 'inherit', cwd: root })
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => host.kill(signal))
host.on('exit', (code) => process.exit(code ?? 0))
