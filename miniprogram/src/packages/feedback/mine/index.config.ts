export default definePageConfig({ navigationBarTitleText: '我提的意见' })
