export default definePageConfig({ navigationBarTitleText: '责任清单和负面清单' })
