export default definePageConfig({ navigationBarTitleText: '入群审核' })
