export default definePageConfig({ navigationBarTitleText: '本村公开二维码' })
