export default definePageConfig({ navigationBarTitleText: '村情发布会' })
