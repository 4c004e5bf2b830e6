export default definePageConfig({ navigationBarTitleText: '还没读的户' })
