export default definePageConfig({ navigationBarTitleText: '安排村情发布会' })
