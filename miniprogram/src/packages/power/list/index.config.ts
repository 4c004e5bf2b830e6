export default definePageConfig({ navigationBarTitleText: '权力清单' })
