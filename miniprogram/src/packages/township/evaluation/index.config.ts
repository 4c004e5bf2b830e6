export default definePageConfig({ navigationBarTitleText: '各村评议情况' })
