export default definePageConfig({ navigationBarTitleText: '评议升级案件' })
