export default definePageConfig({ navigationBarTitleText: '维护本村权力清单' })
