import path from 'node:path'
import { defineConfig, type UserConfigExport } from '@tarojs/cli'

/*
 * One Taro project, two targets: `weapp` for WeChat DevTools and `h5`, which
 * the local host serves. Both read the same pages; only services/api.ts
 * differs by target, chosen at module level so each bundle holds one transport.
 */
// Pure code shared with the cloud functions lives outside src/ and must be compiled too.
const shared = path.resolve(__dirname, '../../shared')
// TanStack Query ships modern JavaScript (native `#private` class fields): compiled down like our own code, since
// WeChat's older engines cannot run it and the minifier's quoted keys turn `#t` into `#"t"`, a syntax error.
const tanstack = path.resolve(__dirname, '../../node_modules/@tanstack')

export default defineConfig<'webpack5'>(async () => {
  const config: UserConfigExport<'webpack5'> = {
    projectName: 'village-supervision',
    date: '2026-11-21',
    // NutUI React Taro is drawn at 375; so are our pages, which keeps one px scale everywhere.
    designWidth: 375,
    deviceRatio: { 375: 2, 640: 2.34 / 2, 750: 1, 828: 1.81 / 2 },
    sourceRoot: 'src',
    outputRoot: `dist/${process.env.TARO_ENV}`,
    alias: { '@shared': shared },
    plugins: [],
    defineConstants: {},
    framework: 'react',
    compiler: { type: 'webpack5', prebundle: { enable: false } },
    cache: { enable: false },
    mini: {
      compile: { include: [shared, tanstack] },
      // Pages in different subpackages import component CSS in different orders; the order does not matter here.
      miniCssExtractPluginOption: { ignoreOrder: true },
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
    },
    h5: {
      compile: { include: [shared, tanstack] },
      // Pages load as their own chunks; split those too, or each page carries its own copy of NutUI and the
      // shared components, and every page opened on a slow connection downloads them again.
      webpackChain(chain) {
        chain.optimization.splitChunks({ chunks: 'all', minSize: 20_000, maxAsyncRequests: 10 })
      },
      publicPath: '/',
      staticDirectory: 'static',
      router: { mode: 'hash' },
      output: { filename: 'js/[name].[contenthash:8].js', chunkFilename: 'js/[name].[contenthash:8].js' },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[contenthash:8].css',
        chunkFilename: 'css/[name].[contenthash:8].css',
      },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
    },
  }
  return config
})
