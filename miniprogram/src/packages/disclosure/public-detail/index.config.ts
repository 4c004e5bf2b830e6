export default definePageConfig({ navigationBarTitleText: '本村三务公开', enableShareAppMessage: true })
