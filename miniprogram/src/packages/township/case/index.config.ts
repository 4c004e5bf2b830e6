export default definePageConfig({ navigationBarTitleText: '升级案件' })
