/*
 * The main package holds only what every visitor needs: home, sign-in (H5) and
 * joining. Each role's pages live in a subpackage, so the main package stays
 * small and a villager never downloads the township console.
 */
export default defineAppConfig({
  pages: ['pages/index/index', 'pages/login/index', 'pages/join/index'],
  subPackages: [
    {
      root: 'packages/power',
      pages: ['list/index', 'item/index', 'lists/index', 'history/index'],
    },
    {
      root: 'packages/disclosure',
      pages: ['home/index', 'detail/index', 'decisions/index', 'decision/index', 'duties/index', 'public/index', 'public-detail/index'],
    },
    {
      root: 'packages/announcement',
      pages: ['list/index', 'detail/index'],
    },
    {
      root: 'packages/feedback',
      pages: ['submit/index', 'mine/index', 'inbox/index'],
    },
    {
      root: 'packages/topic',
      pages: ['ask/index', 'inbox/index'],
    },
    {
      root: 'packages/meeting',
      pages: ['list/index', 'detail/index', 'schedule/index', 'panel/index', 'room/index'],
    },
    {
      root: 'packages/report',
      pages: ['file/index', 'track/index'],
    },
    {
      root: 'packages/evaluation',
      pages: ['list/index', 'round/index', 'open/index', 'subject/index', 'proxy/index'],
    },
    {
      root: 'packages/privacy',
      pages: ['mine/index'],
    },
    {
      root: 'packages/chair',
      pages: ['pending/index', 'roster/index', 'household/index', 'announce/index', 'figures/index', 'qrcode/index', 'unread/index', 'group/index'],
    },
    {
      root: 'packages/committee',
      pages: ['catalog/index', 'publish/index', 'revise/index'],
    },
    {
      root: 'packages/township',
      pages: [
        'villages/index',
        'overdue/index',
        'feedback/index',
        'reports/index',
        'report/index',
        'cases/index',
        'case/index',
        'evaluation/index',
        'audit/index',
        'security/index',
        'setup/index',
        'roster/index',
        'appointments/index',
        'duties/index',
        'settings/index',
        'featured/index',
        'topics/index',
        'integrity/index',
        'integrity-file/index',
      ],
    },
  ],
  // WeChat shows PrivacyConsent (components/) before the first use of anything its privacy rules cover.
  __usePrivacyCheck__: true,
  // WeChat's 同声传译 plugin reads pages aloud (services/speech.ts); the operator adds it in the console first (README).
  ...(process.env.TARO_ENV === 'weapp' ? { plugins: { WechatSI: { version: '0.3.5', provider: 'wx069ba97219f66d99' } } } : {}),
  // WeChat: inject only the components a page uses, at startup (按需注入).
  ...(process.env.TARO_ENV === 'weapp' ? { lazyCodeLoading: 'requiredComponents' } : {}),
  // H5 only (a Taro H5 router key, not a WeChat app.json one): no sliding page transitions; they cost old phones frames and add nothing.
  ...(process.env.TARO_ENV === 'h5' ? { animation: false } : {}),
  window: {
    backgroundTextStyle: 'light',
    navigationBarBackgroundColor: '#b4282d',
    navigationBarTitleText: '村务监督',
    navigationBarTextStyle: 'white',
    backgroundColor: '#f5f5f5',
  },
})
