export default definePageConfig({ navigationBarTitleText: '各村意见办理情况' })
