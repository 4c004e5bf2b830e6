export default definePageConfig({ navigationBarTitleText: '村务公告' })
