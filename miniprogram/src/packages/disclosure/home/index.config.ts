export default definePageConfig({ navigationBarTitleText: '三务公开' })
