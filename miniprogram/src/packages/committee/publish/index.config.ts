export default definePageConfig({ navigationBarTitleText: '发布三务公开' })
