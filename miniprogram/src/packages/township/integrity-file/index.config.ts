export default definePageConfig({ navigationBarTitleText: '廉政档案' })
