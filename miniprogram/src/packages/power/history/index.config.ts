export default definePageConfig({ navigationBarTitleText: '清单变更记录' })
