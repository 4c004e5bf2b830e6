export default definePageConfig({ navigationBarTitleText: '村干部廉政档案' })
