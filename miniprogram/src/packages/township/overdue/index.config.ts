export default definePageConfig({ navigationBarTitleText: '意见督办' })
