export default definePageConfig({ navigationBarTitleText: '村民意见' })
