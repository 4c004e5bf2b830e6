export default definePageConfig({ navigationBarTitleText: '公开时限设置' })
