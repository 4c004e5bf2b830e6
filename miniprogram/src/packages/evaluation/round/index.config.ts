export default definePageConfig({ navigationBarTitleText: '评议', enableShareAppMessage: true })
