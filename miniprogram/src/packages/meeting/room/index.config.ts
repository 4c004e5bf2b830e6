export default definePageConfig({ navigationBarTitleText: '会场评议' })
