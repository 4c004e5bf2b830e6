export default definePageConfig({ navigationBarTitleText: '点题收集' })
