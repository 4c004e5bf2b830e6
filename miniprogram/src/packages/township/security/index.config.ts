export default definePageConfig({ navigationBarTitleText: '安全记录' })
