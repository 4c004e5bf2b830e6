export default definePageConfig({ navigationBarTitleText: '村和花名册' })
