// Which way the layers may point (docs/architecture.md, "Boundaries"). `npm test` runs
// `depcruise --config .dependency-cruiser.cjs shared cloudfunctions host miniprogram/src` and fails on any violation.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'shared-is-pure',
      comment:
        'shared/ runs in the cloud functions, the local host and the app alike: it imports its own files and the pure ' +
        'libraries zod, dayjs (with its plugins) and diff, nothing else: no node built-in, no I/O package, no other layer.',
      severity: 'error',
      from: { path: '^shared/' },
      to: { pathNot: ['^shared/', '^node_modules/(zod|dayjs|diff)/'] },
    },
    {
      name: 'app-imports-no-schema',
      comment:
        'The app imports rules, labels, time, errors and types from shared/, never a zod module as a value: ' +
        'the zod schemas would be bundled into the mini-program (2 MB a package). `import type` is fine.',
      severity: 'error',
      from: { path: '^miniprogram/' },
      to: {
        path: ['^shared/.*/schema\\.ts$', '^shared/zod\\.ts$', '^shared/contract/', '^node_modules/zod/'],
        dependencyTypesNot: ['type-only'],
      },
    },
    {
      name: 'app-imports-no-server',
      comment: 'The app is bundled for WeChat and the browser: it reaches the server only through services/api.ts.',
      severity: 'error',
      from: { path: '^miniprogram/' },
      to: { path: '^(cloudfunctions|host)/' },
    },
    {
      name: 'functions-import-no-host-or-app',
      comment: 'A cloud function is deployed on its own: it cannot depend on the local host or the app.',
      severity: 'error',
      from: { path: '^cloudfunctions/' },
      to: { path: '^(host|miniprogram)/' },
    },
    {
      name: 'host-imports-no-app',
      comment: 'The local host serves the app, it does not import it: what both need lives in shared/.',
      severity: 'error',
      from: { path: '^host/' },
      to: { path: '^miniprogram/' },
    },
    {
      name: 'no-cycles',
      comment: 'Modules form a tree of layers; a cycle of type-only imports is harmless (erased at compile time).',
      severity: 'error',
      from: {},
      to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(dist|node_modules)/' },
    // Tell `import type` apart from a value import (dependencyTypes 'type-only').
    tsPreCompilationDeps: true,
    // The @shared/* alias of both tsconfigs.
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.json'] },
    reporterOptions: { text: { highlightFocused: true } },
  },
}
