export default definePageConfig({ navigationBarTitleText: '评议记录' })
