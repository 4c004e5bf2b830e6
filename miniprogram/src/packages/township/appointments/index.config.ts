export default definePageConfig({ navigationBarTitleText: '职务任命' })
