export default definePageConfig({ navigationBarTitleText: '对公开提意见' })
