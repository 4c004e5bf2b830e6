export default definePageConfig({ navigationBarTitleText: '更正公开' })
